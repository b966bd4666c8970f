package vn.eiso.nonconformity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/**
 * One entry of a unit's nonconformity register with where it stands in the closed loop of clause 10.2.
 * {@code auditId} and {@code auditItemId} link back to the audit finding that opened it; {@code revisionId} and
 * {@code changeRequestId} to the document change it led to; {@code reopened} counts ineffective rounds.
 */
public record Nonconformity(NonconformityId id, UnitId unitId, String unitName, Source source, String description,
        Severity severity, String clauseCode, Long documentId, String documentCode, Long auditId, Long auditItemId,
        Status status, UserId reportedBy, String reportedByName, OffsetDateTime reportedAt, String correction,
        String rootCause, CauseCategory causeCategory, UserId verifierId, String verifierName, LocalDate verifyDueOn,
        String verificationNote, String closedReason, OffsetDateTime closedAt, Long changeRequestId, Long revisionId,
        int reopened, int version) {

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
        CLOSED;

        public boolean isOpen() {
            return this != CLOSED;
        }
    }

    /** Where a root cause lies, in the categories quality officers use for a fishbone. */
    public enum CauseCategory {
        PEOPLE,
        METHOD,
        DOCUMENTS,
        EQUIPMENT,
        ENVIRONMENT,
        EXTERNAL
    }

    /**
     * Whether {@link #severity()} was given by someone who judged it: the auditor grading a finding, or the triage
     * that accepted a report. A report awaiting triage, or dismissed at triage, carries only the column's default.
     */
    public boolean isSeverityAssessed() {
        return auditItemId != null || status != Status.REPORTED && closedReason == null;
    }

    /** Days from report to close, or to {@code today} while open. */
    public long ageInDays(LocalDate today, ZoneId zone) {
        LocalDate reported = reportedAt.atZoneSameInstant(zone).toLocalDate();
        LocalDate end = closedAt == null ? today : closedAt.atZoneSameInstant(zone).toLocalDate();
        return ChronoUnit.DAYS.between(reported, end);
    }
}
