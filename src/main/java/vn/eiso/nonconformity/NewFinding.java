package vn.eiso.nonconformity;

import vn.eiso.base.UnitId;

/** An internal-audit finding graded as a nonconformity, as the audit hands it over at sign-off. */
public record NewFinding(UnitId unitId, long auditItemId, Nonconformity.Severity severity, String clauseCode,
        Long documentId, String description) {
}
