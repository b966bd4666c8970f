package vn.eiso.document;

import java.nio.file.Path;

/**
 * Where the file system store keeps a file: under {@code <data directory>/files}, two levels of folders by hash,
 * the hash as the name. Defined here once for the store and for the backup, which copies the folder's files.
 */
public final class StoredFiles {

    private StoredFiles() {
    }

    /** The folder of the file system store. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("files");
    }

    /** A file's place below the store's folder. */
    public static Path pathOf(Path folder, String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
