package vn.eiso.audittrail;

import vn.eiso.base.UnitId;

/** Published inside the writing transaction for every audit-trail entry. */
public record AuditRecorded(String action, String targetType, String targetId, UnitId unit) {
}
