package vn.eiso.document;

/**
 * Where the bytes of attachments live, addressed by their SHA-256: the same file attached twice is stored once,
 * and stored bytes never change.
 */
interface FileStore {

    void put(String sha256, byte[] content);

    byte[] get(String sha256);
}
