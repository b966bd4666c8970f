package vn.eiso.audit;

/** Identity of a management review meeting. */
public record ReviewId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
