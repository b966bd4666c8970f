package vn.eiso.search;

/** Who, inside the entry's unit, may find an entry. */
public enum Visibility {
    /** Whoever may read the unit: its members, the science department, administrators. */
    READERS,
    /** Only the unit's editors (quality officer, unit head) and administrators: drafts and revisions in review. */
    EDITORS,
    /** Everyone signed in, whatever their units: the province's model library is open to all of them. */
    SIGNED_IN,
    /**
     * Anyone, without signing in: only what the public register already shows (announcement decisions). The only
     * entries an anonymous search ever finds.
     */
    PUBLIC
}
