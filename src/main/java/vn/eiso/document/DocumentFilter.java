package vn.eiso.document;

import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/** What the register is narrowed to; null fields do not filter. */
public record DocumentFilter(UnitId unit, String text, DocumentType type, DocumentStatus status, UserId owner,
        boolean overdueOnly) {

    public static DocumentFilter of(UnitId unit) {
        return new DocumentFilter(unit, null, null, null, null, false);
    }
}
