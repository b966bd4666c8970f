package vn.eiso.nonconformity;

import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/**
 * One entry of a unit's nonconformity register. {@code auditId} and {@code auditItemId} link back to the audit
 * finding that opened it, when it came from an internal audit.
 */
public record Nonconformity(NonconformityId id, UnitId unitId, Source source, String description, Severity severity,
        String clauseCode, Long documentId, String documentCode, Long auditId, Long auditItemId, Status status,
        String reportedByName, OffsetDateTime reportedAt) {

    public enum Source {
        INTERNAL_AUDIT,
        INSPECTION,
        CITIZEN,
        PROCESS_MONITORING,
        STAFF
    }

    public enum Severity {
        MINOR,
        MAJOR
    }

    /** The closed loop of clause 10.2; every state but CLOSED counts as open. */
    public enum Status {
        REPORTED,
        ANALYSING,
        ACTIONS_PLANNED,
        IN_PROGRESS,
        VERIFYING,
        CLOSED
    }
}
