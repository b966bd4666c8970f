package vn.eiso.document;

/** Register columns that can be sorted on. */
public enum DocumentSort {
    CODE,
    TITLE,
    TYPE,
    STATUS,
    NEXT_REVIEW
}
