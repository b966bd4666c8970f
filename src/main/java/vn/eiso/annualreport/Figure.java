package vn.eiso.annualreport;

/** The figures a unit's annual report states, each a count of the unit's data for the year (or at its end). */
public enum Figure {
    /** Procedures in force when the report is compiled or submitted. */
    PROCEDURES_IN_FORCE,
    /** TTHC in the unit's QMS scope. */
    TTHC_IN_SCOPE,
    /** Revisions of the unit's documents that took effect in the year. */
    REVISIONS_ISSUED,
    /** Internal audits whose report was signed in the year. */
    AUDITS_SIGNED,
    /** Nonconformities found by those audits. */
    AUDIT_FINDINGS,
    /** Management reviews held in the year and closed. */
    REVIEWS_HELD,
    /** Nonconformities reported in the year. */
    NCS_OPENED,
    /** Nonconformities closed in the year. */
    NCS_CLOSED,
    /** Conformity announcements decided in the year. */
    ANNOUNCEMENTS,
    /** Findings of the science department's inspections in the year. */
    INSPECTION_FINDINGS,
    /** Dossiers the one-stop software received in the year's months. */
    DOSSIERS_RECEIVED,
    /** Of them, resolved on time. */
    DOSSIERS_ON_TIME,
    /** Resolved late. */
    DOSSIERS_LATE
}
