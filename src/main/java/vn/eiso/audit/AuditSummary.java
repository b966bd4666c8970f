package vn.eiso.audit;

import java.time.LocalDate;
import vn.eiso.base.UnitId;

/** One line of an audit programme or a dashboard list. */
public record AuditSummary(AuditId id, UnitId unitId, String unitName, String title, LocalDate startsOn,
        LocalDate endsOn, String leadName, AuditStatus status, int findings) {

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && endsOn.isBefore(today);
    }
}
