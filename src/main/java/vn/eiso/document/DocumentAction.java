package vn.eiso.document;

/**
 * What someone may do on a document's page: with the document itself and with its open revision (the draft or
 * the revision in review). Asked of {@link RevisionWorkflow#allowedActions(DocumentId)}.
 */
public enum DocumentAction {
    /** Edit the register entry. */
    EDIT_ENTRY,
    /** Set an external document's status (replaced, expired). */
    EXTERNAL_STATUS,
    /** Start a new draft. */
    START_DRAFT,
    /** Confirm the periodic review found the document still suitable. */
    CONFIRM_REVIEWED,
    /** Withdraw the document (the revision in force becomes obsolete). */
    WITHDRAW,
    /** Confirm having read the revision in force. */
    ACKNOWLEDGE,
    /** Edit, attach to, submit or delete the draft. */
    EDIT_DRAFT,
    SUBMIT,
    DELETE_DRAFT,
    /** Sign off the revision in review. */
    REVIEW,
    APPROVE,
    REJECT
}
