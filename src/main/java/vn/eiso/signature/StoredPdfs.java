package vn.eiso.signature;

import java.util.Optional;

/**
 * The bytes of a stored PDF by its content hash, for the background checks; the feature that keeps the file
 * store provides it, so that this feature depends on none of those that store files.
 */
public interface StoredPdfs {

    /** The file's bytes, or empty when the store no longer holds it (it was swept as an orphan). */
    Optional<byte[]> read(String sha256);
}
