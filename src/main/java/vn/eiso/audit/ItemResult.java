package vn.eiso.audit;

/** What an auditor concluded on one checklist item; the last two are findings that open a nonconformity. */
public enum ItemResult {
    CONFORMING,
    OBSERVATION,
    IMPROVEMENT,
    MINOR_NC,
    MAJOR_NC;

    public boolean isNonconformity() {
        return this == MINOR_NC || this == MAJOR_NC;
    }
}
