package vn.eiso.audit;

/** Identity of an internal audit. */
public record AuditId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
