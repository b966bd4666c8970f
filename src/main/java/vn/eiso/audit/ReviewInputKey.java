package vn.eiso.audit;

/**
 * The inputs ISO 9001 9.3.2 requires a management review to consider, in the standard's order. Those the system
 * holds data for are pre-filled with figures; the others are for the meeting to fill in.
 */
public enum ReviewInputKey {
    PREVIOUS_ACTIONS,
    CHANGES,
    SATISFACTION,
    OBJECTIVES,
    PROCESS_PERFORMANCE,
    NONCONFORMITIES,
    MONITORING,
    AUDITS,
    PROVIDERS,
    RESOURCES,
    RISKS,
    IMPROVEMENTS
}
