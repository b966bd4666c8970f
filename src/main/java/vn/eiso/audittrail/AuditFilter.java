package vn.eiso.audittrail;

import java.time.LocalDate;

/** What the administrator narrows the trail to; null fields do not filter. Dates are inclusive. */
public record AuditFilter(String actor, String action, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);
}
