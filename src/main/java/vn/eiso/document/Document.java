package vn.eiso.document;

import java.time.LocalDate;
import java.util.Set;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/** A document with its whole register entry; {@code version} is what an edit must present. */
public record Document(DocumentId id, UnitId unitId, String code, String title, DocumentType type,
        DocumentStatus status, UserId ownerId, String ownerName, String tthcCodes, String isoClauses,
        int reviewPeriodMonths, LocalDate nextReviewOn, RevisionId effectiveRevisionId, String reviewFlag,
        String issuer, String externalNumber, LocalDate issuedOn, LocalDate validUntil,
        ExternalStatus externalStatus, Integer retentionMonths, Set<DocumentId> references, int version) {

    public DocumentData data() {
        return new DocumentData(code, title, type, ownerId, tthcCodes, isoClauses, reviewPeriodMonths,
                retentionMonths, issuer, externalNumber, issuedOn, validUntil, references);
    }
}
