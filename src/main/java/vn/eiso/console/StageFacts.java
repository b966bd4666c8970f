package vn.eiso.console;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates a unit's stage follows from: its declared application date, its latest signed internal audit, its latest
 * closed management review, and the date of its announcement in force (announced or due to re-announce). Each may be
 * null.
 */
public record StageFacts(LocalDate appliedSince, LocalDate lastAudit, LocalDate lastReview, LocalDate announcedOn) {

    public static final StageFacts NONE = new StageFacts(null, null, null, null);

    /**
     * The day by which the next internal audit was due, when that day has passed: the unit has applied its QMS for
     * longer than {@code months} and signed no audit in the last {@code months} (ISO 9001 9.2 asks for audits at
     * planned intervals; the province's rule is at least yearly). Empty while the unit is not yet applying, or is
     * in time.
     */
    public Optional<LocalDate> auditOverdueSince(LocalDate today, int months) {
        if (appliedSince == null) {
            return Optional.empty();
        }
        LocalDate from = lastAudit != null && lastAudit.isAfter(appliedSince) ? lastAudit : appliedSince;
        LocalDate due = from.plusMonths(months);
        return due.isBefore(today) ? Optional.of(due) : Optional.empty();
    }
}
