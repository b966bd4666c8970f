package vn.eiso.audit;

/** Identity of one checklist item of an audit. */
public record AuditItemId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
