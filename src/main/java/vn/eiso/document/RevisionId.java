package vn.eiso.document;

/** Identity of a revision. */
public record RevisionId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
