package vn.eiso.audit;

/** Planned, being performed, report signed by the lead auditor (immutable from then on), acknowledged by the head. */
public enum AuditStatus {
    PLANNED,
    IN_PROGRESS,
    SIGNED,
    ACKNOWLEDGED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
