package vn.eiso.announcement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/**
 * A conformity announcement decision as recorded. {@code issuedUnitName} is the unit that signed it, which stays
 * when a merge hands the announcement to a successor ({@code unitName}).
 */
public record Announcement(long id, UnitId unitId, String unitName, String issuedUnitName, String number,
        LocalDate decidedOn, String signerName, String signerTitle, String scopeText, AnnouncementStatus status,
        String dueReason, String signedFileName, OffsetDateTime issuedAt, String withdrawnReason, int version) {

    public boolean hasSignedCopy() {
        return signedFileName != null;
    }
}
