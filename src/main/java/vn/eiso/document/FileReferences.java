package vn.eiso.document;

import java.util.Collection;
import java.util.Set;

/**
 * A feature whose rows name files of the file store by their SHA-256 (documents' attachments, audit evidence,
 * nonconformity evidence, announcement decisions). The sweep keeps every file some feature names and removes the
 * rest, so a feature that stores files through {@link EvidenceFiles} must say here which ones it holds.
 */
public interface FileReferences {

    /** Those of the given hashes that a row of this feature names. */
    Set<String> referenced(Collection<String> sha256s);
}
