package vn.eiso.document;

import java.time.LocalDate;
import java.util.Set;
import vn.eiso.base.UserId;

/**
 * The register entry of a document as a user fills it in. The external fields apply to external documents only;
 * {@code references} are the external documents this one relies on.
 */
public record DocumentData(String code, String title, DocumentType type, UserId owner, String tthcCodes,
        String isoClauses, int reviewPeriodMonths, Integer retentionMonths, String issuer, String externalNumber,
        LocalDate issuedOn, LocalDate validUntil, Set<DocumentId> references) {

    /** The minimum: code, title, type and owner; a review every 12 months. */
    public static DocumentData of(String code, String title, DocumentType type, UserId owner) {
        return new DocumentData(code, title, type, owner, null, null, 12, null, null, null, null, null, Set.of());
    }
}
