package vn.eiso.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/** A record (hồ sơ) filed against a record template; never edited, corrected by a new linked entry. */
public record FiledRecord(RecordId id, UnitId unitId, DocumentId templateId, String templateCode, String title,
        String text, String filedByName, OffsetDateTime filedAt, LocalDate retainUntil, RecordId correctsId) {
}
