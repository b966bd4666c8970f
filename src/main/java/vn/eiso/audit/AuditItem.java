package vn.eiso.audit;

/**
 * One checklist item: a clause of the standard, or a procedure in scope (then also the clause it serves), with the
 * auditor's evidence notes and result. {@code nonconformityId} is set once sign-off opened a nonconformity for it.
 */
public record AuditItem(AuditItemId id, int position, String clauseCode, Long documentId, String documentCode,
        String documentTitle, String question, String evidence, ItemResult result, Long nonconformityId,
        int version) {
}
