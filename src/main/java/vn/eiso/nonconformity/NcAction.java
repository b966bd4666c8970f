package vn.eiso.nonconformity;

/** What someone may do on a nonconformity's page; asked of {@link NonconformityWorkflow#state}. */
public enum NcAction {
    ACCEPT,
    DISMISS,
    ANALYSE,
    PLAN,
    ADD_ACTION,
    ASSIGN_VERIFIER,
    VERIFY,
    LINK_REVISION
}
