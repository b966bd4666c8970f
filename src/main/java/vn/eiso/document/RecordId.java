package vn.eiso.document;

/** Identity of a record. */
public record RecordId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
