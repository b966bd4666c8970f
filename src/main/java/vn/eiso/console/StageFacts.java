package vn.eiso.console;

import java.time.LocalDate;

/**
 * The dates a unit's stage follows from: its declared application date, its latest signed internal audit, its latest
 * closed management review, and the date of its announcement in force (announced or due to re-announce). Each may be
 * null.
 */
public record StageFacts(LocalDate appliedSince, LocalDate lastAudit, LocalDate lastReview, LocalDate announcedOn) {

    public static final StageFacts NONE = new StageFacts(null, null, null, null);
}
