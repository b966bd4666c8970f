package vn.eiso.document;

/** Identity of a change request. */
public record ChangeRequestId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
