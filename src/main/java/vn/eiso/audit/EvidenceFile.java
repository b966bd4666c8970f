package vn.eiso.audit;

/** A file attached as evidence to a checklist item. */
public record EvidenceFile(long id, AuditItemId itemId, String fileName, String contentType, long size) {
}
