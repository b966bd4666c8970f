package vn.eiso.search;

/** Who, inside the entry's unit, may find an entry. */
public enum Visibility {
    /** Whoever may read the unit: its members, the science department, administrators. */
    READERS,
    /** Only the unit's editors (quality officer, unit head) and administrators: drafts and revisions in review. */
    EDITORS
}
