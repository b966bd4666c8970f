package vn.eiso.document;

import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/**
 * What the register is narrowed to; null fields do not filter. {@code status} is the document's own status (e.g.
 * only documents in force); {@code registerStatus} is what the register's status filter offers, which also knows
 * revisions in review and approved ones not yet in force (see {@link RegisterStatus}).
 */
public record DocumentFilter(UnitId unit, String text, DocumentType type, DocumentStatus status, UserId owner,
        boolean overdueOnly, RegisterStatus registerStatus) {

    public DocumentFilter(UnitId unit, String text, DocumentType type, DocumentStatus status, UserId owner,
            boolean overdueOnly) {
        this(unit, text, type, status, owner, overdueOnly, null);
    }

    public static DocumentFilter of(UnitId unit) {
        return new DocumentFilter(unit, null, null, null, null, false);
    }
}
