package vn.eiso.document;

/** Where a document stands as a whole: no revision in force yet, one in force, or withdrawn. */
public enum DocumentStatus {
    DRAFT,
    EFFECTIVE,
    OBSOLETE
}
