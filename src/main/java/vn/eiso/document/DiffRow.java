package vn.eiso.document;

/** One line of a side-by-side comparison of two revisions. */
public record DiffRow(Kind kind, String left, String right) {

    public enum Kind {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }
}
