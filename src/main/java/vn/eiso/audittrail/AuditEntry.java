package vn.eiso.audittrail;

import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/** One line of the audit trail: who did what to which record, when. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String targetType,
        String targetId, UnitId unitId, String details) {
}
