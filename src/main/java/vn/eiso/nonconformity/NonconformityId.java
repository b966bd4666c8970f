package vn.eiso.nonconformity;

/** Identity of a nonconformity; shown to users as {@code NC-<id>}. */
public record NonconformityId(long value) {

    public String label() {
        return "NC-" + value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
