package vn.eiso.document;

/** Identity of a bulk import job. */
public record ImportJobId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
