package vn.eiso.document;

/** Validity of a document of external origin (a decree, a circular, the province's decision). */
public enum ExternalStatus {
    VALID,
    REPLACED,
    EXPIRED
}
