package vn.eiso.document;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.RECORD_ENTRY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

@Repository
class JooqRecordRepository {

    private final DSLContext dsl;

    JooqRecordRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    RecordId insert(UnitId unit, DocumentId template, String title, String text, UserId by, OffsetDateTime now,
            LocalDate retainUntil, RecordId corrects) {
        return new RecordId(dsl.insertInto(RECORD_ENTRY)
                .set(RECORD_ENTRY.UNIT_ID, unit.value())
                .set(RECORD_ENTRY.TEMPLATE_ID, template.value())
                .set(RECORD_ENTRY.TITLE, title)
                .set(RECORD_ENTRY.CONTENT_TEXT, text)
                .set(RECORD_ENTRY.FILED_BY, by.value())
                .set(RECORD_ENTRY.FILED_AT, now)
                .set(RECORD_ENTRY.RETAIN_UNTIL, retainUntil)
                .set(RECORD_ENTRY.CORRECTS_ID, corrects == null ? null : corrects.value())
                .returning(RECORD_ENTRY.ID)
                .fetchOne(RECORD_ENTRY.ID));
    }

    Optional<UnitId> unitOf(RecordId id) {
        return dsl.select(RECORD_ENTRY.UNIT_ID).from(RECORD_ENTRY).where(RECORD_ENTRY.ID.eq(id.value()))
                .fetchOptional(r -> new UnitId(r.value1()));
    }

    Optional<FiledRecord> find(RecordId id) {
        return select(RECORD_ENTRY.ID.eq(id.value())).stream().findFirst();
    }

    List<FiledRecord> ofUnit(UnitId unit, int offset, int limit) {
        return dsl.select(RECORD_ENTRY.asterisk(), DOCUMENT.CODE, APP_USER.FULL_NAME)
                .from(RECORD_ENTRY)
                .join(DOCUMENT).on(DOCUMENT.ID.eq(RECORD_ENTRY.TEMPLATE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(RECORD_ENTRY.FILED_BY))
                .where(RECORD_ENTRY.UNIT_ID.eq(unit.value()))
                .orderBy(RECORD_ENTRY.FILED_AT.desc(), RECORD_ENTRY.ID.desc())
                .offset(offset).limit(limit)
                .fetch(JooqRecordRepository::toRecord);
    }

    int count(UnitId unit) {
        return dsl.fetchCount(RECORD_ENTRY, RECORD_ENTRY.UNIT_ID.eq(unit.value()));
    }

    private List<FiledRecord> select(Condition condition) {
        return dsl.select(RECORD_ENTRY.asterisk(), DOCUMENT.CODE, APP_USER.FULL_NAME)
                .from(RECORD_ENTRY)
                .join(DOCUMENT).on(DOCUMENT.ID.eq(RECORD_ENTRY.TEMPLATE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(RECORD_ENTRY.FILED_BY))
                .where(condition)
                .fetch(JooqRecordRepository::toRecord);
    }

    private static FiledRecord toRecord(org.jooq.Record r) {
        return new FiledRecord(new RecordId(r.get(RECORD_ENTRY.ID)), new UnitId(r.get(RECORD_ENTRY.UNIT_ID)),
                new DocumentId(r.get(RECORD_ENTRY.TEMPLATE_ID)), r.get(DOCUMENT.CODE), r.get(RECORD_ENTRY.TITLE),
                r.get(RECORD_ENTRY.CONTENT_TEXT), r.get(APP_USER.FULL_NAME), r.get(RECORD_ENTRY.FILED_AT),
                r.get(RECORD_ENTRY.RETAIN_UNTIL),
                r.get(RECORD_ENTRY.CORRECTS_ID) == null ? null : new RecordId(r.get(RECORD_ENTRY.CORRECTS_ID)));
    }
}
