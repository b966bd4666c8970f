package vn.eiso.document;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.DOCUMENT_REFERENCE;
import static vn.eiso.db.Tables.REVISION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.catalogue.TthcCode;

@Repository
class JooqDocumentRepository {

    /** Revisions still on their way to being in force. */
    private static final List<String> UNFINISHED = List.of(RevisionStatus.DRAFT.name(),
            RevisionStatus.IN_REVIEW.name(), RevisionStatus.APPROVED.name());
    /** Unfinished, or imported and waiting for the unit head: either way not what readers see. */
    private static final List<String> PENDING = List.of(RevisionStatus.DRAFT.name(),
            RevisionStatus.IN_REVIEW.name(), RevisionStatus.APPROVED.name(), RevisionStatus.IMPORTED.name());

    private final DSLContext dsl;

    JooqDocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    DocumentId insert(UnitId unit, DocumentData d, OffsetDateTime now, LocalDate firstReview) {
        Long id = dsl.insertInto(DOCUMENT)
                .set(DOCUMENT.UNIT_ID, unit.value())
                .set(DOCUMENT.CODE, d.code())
                .set(DOCUMENT.CODE_KEY, codeKey(d.code()))
                .set(DOCUMENT.TITLE, d.title())
                .set(DOCUMENT.SEARCH_KEY, searchKey(d))
                .set(DOCUMENT.DOC_TYPE, d.type().name())
                .set(DOCUMENT.OWNER_ID, d.owner() == null ? null : d.owner().value())
                .set(DOCUMENT.TTHC_CODES, d.tthcCodes())
                .set(DOCUMENT.ISO_CLAUSES, d.isoClauses())
                .set(DOCUMENT.REVIEW_PERIOD_MONTHS, d.reviewPeriodMonths())
                .set(DOCUMENT.NEXT_REVIEW_ON, firstReview)
                .set(DOCUMENT.RETENTION_MONTHS, d.retentionMonths())
                .set(DOCUMENT.ISSUER, d.issuer())
                .set(DOCUMENT.EXTERNAL_NUMBER, d.externalNumber())
                .set(DOCUMENT.ISSUED_ON, d.issuedOn())
                .set(DOCUMENT.VALID_UNTIL, d.validUntil())
                .set(DOCUMENT.EXTERNAL_STATUS, d.type() == DocumentType.EXTERNAL ? ExternalStatus.VALID.name() : null)
                // A document of external origin is in force from outside; it needs no revision of ours.
                .set(DOCUMENT.STATUS, (d.type() == DocumentType.EXTERNAL ? DocumentStatus.EFFECTIVE
                        : DocumentStatus.DRAFT).name())
                .set(DOCUMENT.CREATED_AT, now)
                .set(DOCUMENT.UPDATED_AT, now)
                .returning(DOCUMENT.ID)
                .fetchOne(DOCUMENT.ID);
        DocumentId documentId = new DocumentId(id);
        replaceReferences(documentId, d.references());
        return documentId;
    }

    boolean update(DocumentId id, int version, DocumentData d, OffsetDateTime now) {
        boolean updated = dsl.update(DOCUMENT)
                .set(DOCUMENT.CODE, d.code())
                .set(DOCUMENT.CODE_KEY, codeKey(d.code()))
                .set(DOCUMENT.TITLE, d.title())
                .set(DOCUMENT.SEARCH_KEY, searchKey(d))
                .set(DOCUMENT.OWNER_ID, d.owner() == null ? null : d.owner().value())
                .set(DOCUMENT.TTHC_CODES, d.tthcCodes())
                .set(DOCUMENT.ISO_CLAUSES, d.isoClauses())
                .set(DOCUMENT.REVIEW_PERIOD_MONTHS, d.reviewPeriodMonths())
                .set(DOCUMENT.RETENTION_MONTHS, d.retentionMonths())
                .set(DOCUMENT.ISSUER, d.issuer())
                .set(DOCUMENT.EXTERNAL_NUMBER, d.externalNumber())
                .set(DOCUMENT.ISSUED_ON, d.issuedOn())
                .set(DOCUMENT.VALID_UNTIL, d.validUntil())
                .set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                .set(DOCUMENT.UPDATED_AT, now)
                .where(DOCUMENT.ID.eq(id.value()).and(DOCUMENT.VERSION.eq(version)))
                .execute() == 1;
        if (updated) {
            replaceReferences(id, d.references());
        }
        return updated;
    }

    /** Changes made by the workflow itself (status, revision in force, review dates) also bump the version. */
    void setState(DocumentId id, DocumentStatus status, RevisionId effective, LocalDate nextReview,
            OffsetDateTime now) {
        dsl.update(DOCUMENT)
                .set(DOCUMENT.STATUS, status.name())
                .set(DOCUMENT.EFFECTIVE_REVISION_ID, effective == null ? null : effective.value())
                .set(DOCUMENT.NEXT_REVIEW_ON, nextReview)
                .set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                .set(DOCUMENT.UPDATED_AT, now)
                .where(DOCUMENT.ID.eq(id.value()))
                .execute();
    }

    void setNextReview(DocumentId id, LocalDate nextReview, OffsetDateTime now) {
        dsl.update(DOCUMENT)
                .set(DOCUMENT.NEXT_REVIEW_ON, nextReview)
                .setNull(DOCUMENT.REVIEW_FLAG)
                .set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                .set(DOCUMENT.UPDATED_AT, now)
                .where(DOCUMENT.ID.eq(id.value()))
                .execute();
    }

    boolean setExternalStatus(DocumentId id, int version, ExternalStatus status, OffsetDateTime now) {
        return dsl.update(DOCUMENT)
                .set(DOCUMENT.EXTERNAL_STATUS, status.name())
                .set(DOCUMENT.STATUS, (status == ExternalStatus.VALID ? DocumentStatus.EFFECTIVE
                        : DocumentStatus.OBSOLETE).name())
                .set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                .set(DOCUMENT.UPDATED_AT, now)
                .where(DOCUMENT.ID.eq(id.value()).and(DOCUMENT.VERSION.eq(version)))
                .execute() == 1;
    }

    /**
     * Flags the documents in force whose TTHC codes cite the procedure (in its short or full form) for review;
     * returns them with their unit.
     */
    Map<DocumentId, UnitId> flagCiting(String tthcCode, String reason, OffsetDateTime now) {
        Map<DocumentId, UnitId> citing = new LinkedHashMap<>();
        dsl.select(DOCUMENT.ID, DOCUMENT.UNIT_ID, DOCUMENT.TTHC_CODES).from(DOCUMENT)
                .where(DOCUMENT.STATUS.eq(DocumentStatus.EFFECTIVE.name()))
                .and(DOCUMENT.TTHC_CODES.contains(tthcCode))
                .forEach(r -> {
                    boolean cites = TthcCode.listed(r.value3()).stream()
                            .anyMatch(c -> TthcCode.shortCode(c).filter(tthcCode::equals).isPresent());
                    if (cites) {
                        citing.put(new DocumentId(r.value1()), new UnitId(r.value2()));
                    }
                });
        if (!citing.isEmpty()) {
            dsl.update(DOCUMENT).set(DOCUMENT.REVIEW_FLAG, reason).set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                    .set(DOCUMENT.UPDATED_AT, now)
                    .where(DOCUMENT.ID.in(citing.keySet().stream().map(DocumentId::value).toList())).execute();
        }
        return citing;
    }

    /** Flags the documents that rely on {@code external} for review; returns their ids. */
    List<DocumentId> flagReferencing(DocumentId external, String reason, OffsetDateTime now) {
        List<DocumentId> ids = dsl.select(DOCUMENT_REFERENCE.DOCUMENT_ID).from(DOCUMENT_REFERENCE)
                .where(DOCUMENT_REFERENCE.EXTERNAL_DOCUMENT_ID.eq(external.value()))
                .fetch(r -> new DocumentId(r.value1()));
        if (!ids.isEmpty()) {
            dsl.update(DOCUMENT)
                    .set(DOCUMENT.REVIEW_FLAG, reason)
                    .set(DOCUMENT.VERSION, DOCUMENT.VERSION.plus(1))
                    .set(DOCUMENT.UPDATED_AT, now)
                    .where(DOCUMENT.ID.in(ids.stream().map(DocumentId::value).toList()))
                    .execute();
        }
        return ids;
    }

    /** What makes two codes the same: their case does not count. */
    static String codeKey(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    boolean codeTaken(UnitId unit, String code, DocumentId except) {
        Condition c = DOCUMENT.UNIT_ID.eq(unit.value()).and(DOCUMENT.CODE_KEY.eq(codeKey(code)));
        if (except != null) {
            c = c.and(DOCUMENT.ID.ne(except.value()));
        }
        return dsl.fetchExists(DOCUMENT, c);
    }

    Optional<Document> find(DocumentId id) {
        return dsl.select(DOCUMENT.asterisk(), APP_USER.FULL_NAME)
                .from(DOCUMENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(DOCUMENT.OWNER_ID))
                .where(DOCUMENT.ID.eq(id.value()))
                .fetchOptional(r -> toDocument(r, references(id)));
    }

    /** The owner and everyone who ever approved a revision of it. */
    Set<UserId> ownerAndApprovers(DocumentId id) {
        return dsl.select(DOCUMENT.OWNER_ID).from(DOCUMENT).where(DOCUMENT.ID.eq(id.value()))
                .union(dsl.select(REVISION.APPROVED_BY).from(REVISION).where(REVISION.DOCUMENT_ID.eq(id.value())))
                .fetch(0, Long.class).stream().filter(Objects::nonNull).map(UserId::new)
                .collect(Collectors.toSet());
    }

    /** The unit of a document, without loading the rest of it. */
    Optional<UnitId> unitOf(DocumentId id) {
        return dsl.select(DOCUMENT.UNIT_ID).from(DOCUMENT).where(DOCUMENT.ID.eq(id.value()))
                .fetchOptional(r -> new UnitId(r.value1()));
    }

    Optional<DocumentId> findByCode(UnitId unit, String code) {
        return dsl.select(DOCUMENT.ID).from(DOCUMENT)
                .where(DOCUMENT.UNIT_ID.eq(unit.value()).and(DOCUMENT.CODE_KEY.eq(codeKey(code))))
                .fetchOptional(r -> new DocumentId(r.value1()));
    }

    /**
     * One page of the register. The page's ids come first from the document table alone, in index order with the
     * limit, then the joined details for just those rows: joining first made the database sort the whole unit.
     */
    List<DocumentSummary> list(DocumentFilter filter, boolean includeDrafts, LocalDate today, DocumentSort sort,
            boolean ascending, int offset, int limit) {
        List<Long> ids = dsl.select(DOCUMENT.ID).from(DOCUMENT)
                .where(conditions(filter, includeDrafts, today))
                .orderBy(order(sort, ascending))
                .offset(offset)
                .limit(limit)
                .fetch(DOCUMENT.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        var rev = REVISION.as("eff");
        // The unfinished revision (at most one per document: RevisionWorkflow#startDraft), or the latest of an
        // imported history awaiting confirmation (no draft is started meanwhile), for editors only.
        var pending = REVISION.as("pend");
        var later = REVISION.as("later");
        Condition pendingJoin = includeDrafts
                ? pending.DOCUMENT_ID.eq(DOCUMENT.ID).and(pending.STATUS.in(UNFINISHED)
                        .or(pending.STATUS.eq(RevisionStatus.IMPORTED.name()).andNotExists(DSL.selectOne().from(later)
                                .where(later.DOCUMENT_ID.eq(DOCUMENT.ID)
                                        .and(later.STATUS.eq(RevisionStatus.IMPORTED.name()))
                                        .and(later.NUMBER.gt(pending.NUMBER))))))
                : DSL.falseCondition();
        return dsl.select(DOCUMENT.ID, DOCUMENT.UNIT_ID, DOCUMENT.CODE, DOCUMENT.TITLE, DOCUMENT.DOC_TYPE,
                        DOCUMENT.STATUS, APP_USER.FULL_NAME, rev.NUMBER, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.REVIEW_FLAG,
                        pending.STATUS, pending.NUMBER)
                .from(DOCUMENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(DOCUMENT.OWNER_ID))
                .leftJoin(rev).on(rev.ID.eq(DOCUMENT.EFFECTIVE_REVISION_ID))
                .leftJoin(pending).on(pendingJoin)
                .where(DOCUMENT.ID.in(ids))
                .orderBy(order(sort, ascending))
                .fetch(r -> new DocumentSummary(new DocumentId(r.value1()), new UnitId(r.value2()), r.value3(),
                        r.value4(), DocumentType.valueOf(r.value5()), DocumentStatus.valueOf(r.value6()), r.value7(),
                        r.value8(), r.value9(),
                        ReviewDue.isOverdue(DocumentStatus.valueOf(r.value6()), r.value9(), r.value10(), today),
                        r.value10(), r.value11() == null ? null : RevisionStatus.valueOf(r.value11()), r.value12()));
    }

    int count(DocumentFilter filter, boolean includeDrafts, LocalDate today) {
        return dsl.fetchCount(DOCUMENT, conditions(filter, includeDrafts, today));
    }

    /** Documents in force whose review date has passed, in every unit: for reminders. */
    List<DocumentSummary> overdue(UnitId unit, LocalDate today, int limit) {
        return list(new DocumentFilter(unit, null, null, null, null, true), true, today, DocumentSort.NEXT_REVIEW,
                true, 0, limit);
    }

    Set<DocumentId> references(DocumentId id) {
        return new HashSet<>(dsl.select(DOCUMENT_REFERENCE.EXTERNAL_DOCUMENT_ID).from(DOCUMENT_REFERENCE)
                .where(DOCUMENT_REFERENCE.DOCUMENT_ID.eq(id.value()))
                .fetch(r -> new DocumentId(r.value1())));
    }

    List<DocumentSummary> externalDocuments(UnitId unit, LocalDate today) {
        return list(new DocumentFilter(unit, null, DocumentType.EXTERNAL, null, null, false), true, today,
                DocumentSort.CODE, true, 0, 1000);
    }

    private void replaceReferences(DocumentId id, Set<DocumentId> references) {
        dsl.deleteFrom(DOCUMENT_REFERENCE).where(DOCUMENT_REFERENCE.DOCUMENT_ID.eq(id.value())).execute();
        for (DocumentId ref : references == null ? Set.<DocumentId>of() : references) {
            dsl.insertInto(DOCUMENT_REFERENCE)
                    .set(DOCUMENT_REFERENCE.DOCUMENT_ID, id.value())
                    .set(DOCUMENT_REFERENCE.EXTERNAL_DOCUMENT_ID, ref.value())
                    .execute();
        }
    }

    private static List<Condition> conditions(DocumentFilter f, boolean includeDrafts, LocalDate today) {
        List<Condition> c = new ArrayList<>();
        c.add(DOCUMENT.UNIT_ID.eq(f.unit().value()));
        if (!includeDrafts) {
            c.add(DOCUMENT.STATUS.ne(DocumentStatus.DRAFT.name()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            c.add(DOCUMENT.SEARCH_KEY.contains(TextFolding.fold(f.text())));
        }
        if (f.type() != null) {
            c.add(DOCUMENT.DOC_TYPE.eq(f.type().name()));
        }
        if (f.status() != null) {
            c.add(DOCUMENT.STATUS.eq(f.status().name()));
        }
        if (f.owner() != null) {
            c.add(DOCUMENT.OWNER_ID.eq(f.owner().value()));
        }
        if (f.registerStatus() != null) {
            c.add(shown(f.registerStatus()));
        }
        if (f.overdueOnly()) {
            c.add(ReviewDue.overdue(DOCUMENT.STATUS, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.REVIEW_FLAG, today));
        }
        return c;
    }

    /**
     * The documents the register shows in this state, as DocumentSummary#registerStatus and #pendingStatus show
     * them: one with an unfinished revision in the state, or (draft) one never in force with no revision yet.
     * Semi-joins on the revision's document index, so the page and its count stay in the database.
     */
    private static Condition shown(RegisterStatus status) {
        return switch (status) {
            case DRAFT -> unfinished(RevisionStatus.DRAFT.name()).or(DOCUMENT.STATUS.eq(DocumentStatus.DRAFT.name())
                    .andNot(unfinished(PENDING.toArray(String[]::new))));
            case IN_REVIEW -> unfinished(RevisionStatus.IN_REVIEW.name());
            case APPROVED -> unfinished(RevisionStatus.APPROVED.name());
            case IMPORTED -> unfinished(RevisionStatus.IMPORTED.name());
            case EFFECTIVE -> DOCUMENT.STATUS.eq(DocumentStatus.EFFECTIVE.name());
            case OBSOLETE -> DOCUMENT.STATUS.eq(DocumentStatus.OBSOLETE.name());
        };
    }

    private static Condition unfinished(String... statuses) {
        var r = REVISION.as("unf");
        return DSL.exists(DSL.selectOne().from(r).where(r.DOCUMENT_ID.eq(DOCUMENT.ID).and(r.STATUS.in(statuses))));
    }

    /**
     * The order of a page, always ending on a unique key so paging is stable, and matching an index that starts
     * with unit_id so that a page never sorts the whole unit (the code is unique within a unit).
     */
    private static List<SortField<?>> order(DocumentSort sort, boolean ascending) {
        return switch (sort) {
            case CODE -> List.of(direct(DOCUMENT.CODE, ascending));
            case TITLE -> List.of(direct(DOCUMENT.TITLE, ascending), direct(DOCUMENT.ID, ascending));
            case TYPE -> List.of(direct(DOCUMENT.DOC_TYPE, ascending), direct(DOCUMENT.CODE, ascending));
            case STATUS -> List.of(direct(DOCUMENT.STATUS, ascending), direct(DOCUMENT.CODE, ascending));
            case NEXT_REVIEW -> List.of(direct(DOCUMENT.NEXT_REVIEW_ON, ascending), direct(DOCUMENT.ID, ascending));
        };
    }

    private static SortField<?> direct(Field<?> field, boolean ascending) {
        return ascending ? field.asc() : field.desc();
    }

    private static String searchKey(DocumentData d) {
        return TextFolding.fold(d.code() + " " + d.title());
    }

    private static Document toDocument(Record r, Set<DocumentId> references) {
        return new Document(new DocumentId(r.get(DOCUMENT.ID)), new UnitId(r.get(DOCUMENT.UNIT_ID)),
                r.get(DOCUMENT.CODE), r.get(DOCUMENT.TITLE), DocumentType.valueOf(r.get(DOCUMENT.DOC_TYPE)),
                DocumentStatus.valueOf(r.get(DOCUMENT.STATUS)),
                r.get(DOCUMENT.OWNER_ID) == null ? null : new UserId(r.get(DOCUMENT.OWNER_ID)),
                r.get(APP_USER.FULL_NAME), r.get(DOCUMENT.TTHC_CODES), r.get(DOCUMENT.ISO_CLAUSES),
                r.get(DOCUMENT.REVIEW_PERIOD_MONTHS), r.get(DOCUMENT.NEXT_REVIEW_ON),
                r.get(DOCUMENT.EFFECTIVE_REVISION_ID) == null ? null
                        : new RevisionId(r.get(DOCUMENT.EFFECTIVE_REVISION_ID)),
                r.get(DOCUMENT.REVIEW_FLAG), r.get(DOCUMENT.ISSUER), r.get(DOCUMENT.EXTERNAL_NUMBER),
                r.get(DOCUMENT.ISSUED_ON), r.get(DOCUMENT.VALID_UNTIL),
                r.get(DOCUMENT.EXTERNAL_STATUS) == null ? null : ExternalStatus.valueOf(r.get(DOCUMENT.EXTERNAL_STATUS)),
                r.get(DOCUMENT.RETENTION_MONTHS), references, r.get(DOCUMENT.VERSION));
    }
}
