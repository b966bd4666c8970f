package vn.eiso.document;

import static vn.eiso.db.Tables.ATTACHMENT;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.RECORD_ENTRY;
import static vn.eiso.db.Tables.REVISION;
import static vn.eiso.db.Tables.UNIT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.Visibility;

/**
 * The register as the search index sees it: one entry per revision (its text, its files' text, its document's
 * metadata), one per document that has no revision yet, one per filed record. Rebuilds stream revisions and
 * files side by side in id order, so memory stays flat however large the register is.
 */
@Repository
class JooqSearchFeed {

    private static final int FETCH_SIZE = 500;
    private static final Field<?>[] REVISION_FIELDS = {REVISION.ID, REVISION.NUMBER, REVISION.STATUS,
            REVISION.CONTENT_TEXT, REVISION.CHANGE_SUMMARY, REVISION.EFFECTIVE_ON, REVISION.CREATED_AT,
            DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE, DOCUMENT.DOC_TYPE, DOCUMENT.TTHC_CODES, DOCUMENT.ISO_CLAUSES,
            DOCUMENT.ISSUER, DOCUMENT.EXTERNAL_NUMBER, DOCUMENT.UNIT_ID, UNIT.NAME};

    private final DSLContext dsl;
    private final ZoneId zone;

    JooqSearchFeed(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.zone = clock.getZone();
    }

    /** A document's entries now: its revisions, or the bare document while it has none. */
    List<SearchEntry> document(long documentId) {
        List<SearchEntry> out = new ArrayList<>();
        forEachRevision(DOCUMENT.ID.eq(documentId), ATTACHMENT.REVISION_ID.in(
                DSL.select(REVISION.ID).from(REVISION).where(REVISION.DOCUMENT_ID.eq(documentId))), out::add);
        return out.isEmpty() ? bareDocuments(DOCUMENT.ID.eq(documentId)) : out;
    }

    Optional<Long> documentOfRevision(long revisionId) {
        return dsl.select(REVISION.DOCUMENT_ID).from(REVISION).where(REVISION.ID.eq(revisionId))
                .fetchOptional(REVISION.DOCUMENT_ID);
    }

    List<SearchEntry> record(long recordId) {
        List<SearchEntry> out = new ArrayList<>(1);
        forEachRecord(RECORD_ENTRY.ID.eq(recordId), ATTACHMENT.RECORD_ID.eq(recordId), out::add);
        return out;
    }

    /** Every revision and bare document, streamed. */
    void forEachDocumentEntry(Consumer<SearchEntry> sink) {
        forEachRevision(DSL.trueCondition(), DSL.trueCondition(), sink);
        bareDocuments(DSL.trueCondition()).forEach(sink);
    }

    private void forEachRevision(Condition revisions, Condition files, Consumer<SearchEntry> sink) {
        try (Cursor<Record> rows = dsl.select(REVISION_FIELDS).from(REVISION).join(DOCUMENT)
                .on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID)).join(UNIT).on(UNIT.ID.eq(DOCUMENT.UNIT_ID))
                .where(revisions).orderBy(REVISION.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            withFiles(rows, REVISION.ID, ATTACHMENT.REVISION_ID, files, (r, texts) -> sink.accept(revision(r, texts)));
        }
    }

    void forEachRecordEntry(Consumer<SearchEntry> sink) {
        forEachRecord(DSL.trueCondition(), DSL.trueCondition(), sink);
    }

    long size() {
        return dsl.fetchCount(REVISION) + dsl.fetchCount(RECORD_ENTRY)
                + dsl.fetchCount(DOCUMENT, DSL.notExists(DSL.selectOne().from(REVISION)
                        .where(REVISION.DOCUMENT_ID.eq(DOCUMENT.ID))));
    }

    private List<SearchEntry> bareDocuments(Condition condition) {
        return dsl.select(DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE, DOCUMENT.DOC_TYPE, DOCUMENT.STATUS,
                        DOCUMENT.TTHC_CODES, DOCUMENT.ISO_CLAUSES, DOCUMENT.ISSUER, DOCUMENT.EXTERNAL_NUMBER,
                        DOCUMENT.UNIT_ID, DOCUMENT.CREATED_AT, UNIT.NAME)
                .from(DOCUMENT).join(UNIT).on(UNIT.ID.eq(DOCUMENT.UNIT_ID))
                .where(condition).andNotExists(DSL.selectOne().from(REVISION)
                        .where(REVISION.DOCUMENT_ID.eq(DOCUMENT.ID)))
                .fetch(r -> {
                    String key = "document:" + r.get(DOCUMENT.ID);
                    boolean published = !DocumentStatus.DRAFT.name().equals(r.get(DOCUMENT.STATUS));
                    return new SearchEntry(key, key, key, new UnitId(r.get(DOCUMENT.UNIT_ID)), r.get(UNIT.NAME),
                            published ? Visibility.READERS : Visibility.EDITORS, r.get(DOCUMENT.DOC_TYPE),
                            r.get(DOCUMENT.STATUS), r.get(DOCUMENT.CODE), r.get(DOCUMENT.TITLE),
                            join(r.get(DOCUMENT.EXTERNAL_NUMBER), r.get(DOCUMENT.TTHC_CODES),
                                    r.get(DOCUMENT.ISO_CLAUSES), r.get(DOCUMENT.ISSUER)),
                            "", day(r.get(DOCUMENT.CREATED_AT)), null, "document/" + r.get(DOCUMENT.ID));
                });
    }

    private void forEachRecord(Condition records, Condition files, Consumer<SearchEntry> sink) {
        var template = DOCUMENT.as("template");
        try (var rows = dsl.select(RECORD_ENTRY.ID, RECORD_ENTRY.TITLE, RECORD_ENTRY.CONTENT_TEXT,
                        RECORD_ENTRY.FILED_AT, RECORD_ENTRY.UNIT_ID, UNIT.NAME, template.CODE, template.TITLE)
                .from(RECORD_ENTRY).join(UNIT).on(UNIT.ID.eq(RECORD_ENTRY.UNIT_ID))
                .join(template).on(template.ID.eq(RECORD_ENTRY.TEMPLATE_ID))
                .where(records).orderBy(RECORD_ENTRY.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            withFiles(rows, RECORD_ENTRY.ID, ATTACHMENT.RECORD_ID, files, (r, texts) -> {
                String key = "record:" + r.get(RECORD_ENTRY.ID);
                sink.accept(new SearchEntry(key, key, key, new UnitId(r.get(RECORD_ENTRY.UNIT_ID)),
                        r.get(UNIT.NAME), Visibility.READERS, "RECORD", "FILED", r.get(template.CODE),
                        r.get(RECORD_ENTRY.TITLE), r.get(template.TITLE), body(r.get(RECORD_ENTRY.CONTENT_TEXT), texts),
                        day(r.get(RECORD_ENTRY.FILED_AT)), null, "records/" + r.get(RECORD_ENTRY.ID)));
            });
        }
    }

    /**
     * Walks rows in id order beside their files (name and extracted text) in owner order: a merge, so neither
     * side is held in memory.
     */
    private <R extends Record> void withFiles(Cursor<R> rows, Field<Long> rowId, Field<Long> owner,
            Condition files, BiConsumer<R, List<String>> out) {
        try (Cursor<Record3<Long, String, String>> attachments = dsl.select(owner, ATTACHMENT.FILE_NAME,
                        ATTACHMENT.EXTRACTED_TEXT).from(ATTACHMENT).where(owner.isNotNull()).and(files)
                .orderBy(owner, ATTACHMENT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            Record3<Long, String, String> file = attachments.fetchNext();
            for (R row : rows) {
                long id = row.get(rowId);
                List<String> texts = new ArrayList<>();
                while (file != null && file.value1() <= id) {
                    if (file.value1() == id) {
                        texts.add(file.value2() + "\n" + nullToEmpty(file.value3()));
                    }
                    file = attachments.fetchNext();
                }
                out.accept(row, texts);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What is searched of a revision or record: its written text, then each file's name and text. */
    private static String body(String text, List<String> files) {
        StringBuilder body = new StringBuilder(nullToEmpty(text));
        files.forEach(f -> body.append("\n\n").append(f));
        return body.toString();
    }

    private SearchEntry revision(Record r, List<String> files) {
        RevisionStatus status = RevisionStatus.valueOf(r.get(REVISION.STATUS));
        boolean published = status.isPublished();
        long documentId = r.get(DOCUMENT.ID);
        LocalDate date = r.get(REVISION.EFFECTIVE_ON) != null ? r.get(REVISION.EFFECTIVE_ON)
                : day(r.get(REVISION.CREATED_AT));
        return new SearchEntry("revision:" + r.get(REVISION.ID), "document:" + documentId, "document:" + documentId,
                new UnitId(r.get(DOCUMENT.UNIT_ID)), r.get(UNIT.NAME),
                published ? Visibility.READERS : Visibility.EDITORS, r.get(DOCUMENT.DOC_TYPE), status.name(),
                r.get(DOCUMENT.CODE), r.get(DOCUMENT.TITLE),
                join(r.get(DOCUMENT.EXTERNAL_NUMBER), r.get(DOCUMENT.TTHC_CODES), r.get(DOCUMENT.ISO_CLAUSES),
                        r.get(DOCUMENT.ISSUER), r.get(REVISION.CHANGE_SUMMARY)),
                body(r.get(REVISION.CONTENT_TEXT), files), date, r.get(REVISION.NUMBER),
                "revision/" + r.get(REVISION.ID));
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n"));
    }

    private LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }
}
