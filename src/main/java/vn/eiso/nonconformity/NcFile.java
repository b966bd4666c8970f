package vn.eiso.nonconformity;

/** A file attached as evidence to a nonconformity; {@code sha256} addresses its bytes in the file store. */
public record NcFile(long id, NonconformityId nonconformityId, String fileName, String contentType, long size,
        String sha256) {
}
