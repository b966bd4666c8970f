package vn.eiso.nonconformity;

import vn.eiso.base.UnitId;

/**
 * A problem as anyone reports it: the minimal form. {@code documentId} and {@code clauseCode} are optional; the
 * quality officer completes the picture when triaging.
 */
public record NcReport(UnitId unitId, Nonconformity.Source source, String description, Long documentId,
        String clauseCode) {
}
