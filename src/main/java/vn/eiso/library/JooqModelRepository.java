package vn.eiso.library;

import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.MODEL_ADOPTION;
import static vn.eiso.db.Tables.MODEL_DOCUMENT;
import static vn.eiso.db.Tables.MODEL_REVISION;
import static vn.eiso.db.Tables.UNIT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentType;

@Repository
class JooqModelRepository {

    private final DSLContext dsl;

    JooqModelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Model> models() {
        return models(DSL.noCondition());
    }

    Optional<Model> find(long id) {
        return models(MODEL_DOCUMENT.ID.eq(id)).stream().findFirst();
    }

    /** Locks the model, so that adoptions in one unit and revisions of the model run one after the other. */
    Optional<Model> lock(long id) {
        dsl.select(MODEL_DOCUMENT.ID).from(MODEL_DOCUMENT).where(MODEL_DOCUMENT.ID.eq(id)).forUpdate().fetch();
        return find(id);
    }

    boolean codeTaken(String code) {
        return dsl.fetchExists(MODEL_DOCUMENT, DSL.lower(MODEL_DOCUMENT.CODE).eq(code.toLowerCase()));
    }

    private List<Model> models(Condition condition) {
        var adopters = DSL.field(DSL.selectCount().from(MODEL_ADOPTION)
                .where(MODEL_ADOPTION.MODEL_ID.eq(MODEL_DOCUMENT.ID)));
        return dsl.select(MODEL_DOCUMENT.ID, MODEL_DOCUMENT.CODE, MODEL_DOCUMENT.TITLE, MODEL_DOCUMENT.DOC_TYPE,
                        MODEL_DOCUMENT.ISO_CLAUSES, MODEL_DOCUMENT.CURRENT_REVISION, MODEL_REVISION.PUBLISHED_AT,
                        adopters, MODEL_DOCUMENT.VERSION)
                .from(MODEL_DOCUMENT).join(MODEL_REVISION).on(MODEL_REVISION.MODEL_ID.eq(MODEL_DOCUMENT.ID)
                        .and(MODEL_REVISION.NUMBER.eq(MODEL_DOCUMENT.CURRENT_REVISION)))
                .where(condition).orderBy(MODEL_DOCUMENT.CODE)
                .fetch(r -> new Model(r.value1(), r.value2(), r.value3(), DocumentType.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    long insert(String code, String title, DocumentType type, String clauses, OffsetDateTime now) {
        return dsl.insertInto(MODEL_DOCUMENT).set(MODEL_DOCUMENT.CODE, code).set(MODEL_DOCUMENT.TITLE, title)
                .set(MODEL_DOCUMENT.DOC_TYPE, type.name()).set(MODEL_DOCUMENT.ISO_CLAUSES, clauses)
                .set(MODEL_DOCUMENT.CURRENT_REVISION, 1).set(MODEL_DOCUMENT.CREATED_AT, now)
                .returning(MODEL_DOCUMENT.ID).fetchOne(MODEL_DOCUMENT.ID);
    }

    void insertRevision(long model, int number, String text, String summary, String by, OffsetDateTime now) {
        dsl.insertInto(MODEL_REVISION).set(MODEL_REVISION.MODEL_ID, model).set(MODEL_REVISION.NUMBER, number)
                .set(MODEL_REVISION.CONTENT_TEXT, text).set(MODEL_REVISION.CHANGE_SUMMARY, summary)
                .set(MODEL_REVISION.PUBLISHED_BY, by).set(MODEL_REVISION.PUBLISHED_AT, now).execute();
    }

    boolean advance(long model, int version, int number) {
        return dsl.update(MODEL_DOCUMENT).set(MODEL_DOCUMENT.CURRENT_REVISION, number)
                .set(MODEL_DOCUMENT.VERSION, MODEL_DOCUMENT.VERSION.plus(1))
                .where(MODEL_DOCUMENT.ID.eq(model).and(MODEL_DOCUMENT.VERSION.eq(version))).execute() == 1;
    }

    List<ModelRevision> revisions(long model) {
        return dsl.selectFrom(MODEL_REVISION).where(MODEL_REVISION.MODEL_ID.eq(model))
                .orderBy(MODEL_REVISION.NUMBER.desc())
                .fetch(r -> new ModelRevision(r.getModelId(), r.getNumber(), r.getContentText(), r.getChangeSummary(),
                        r.getPublishedBy(), r.getPublishedAt()));
    }

    void insertAdoption(long model, DocumentId document, int revision, UserId by, OffsetDateTime now) {
        dsl.insertInto(MODEL_ADOPTION).set(MODEL_ADOPTION.MODEL_ID, model)
                .set(MODEL_ADOPTION.DOCUMENT_ID, document.value()).set(MODEL_ADOPTION.REVISION_NUMBER, revision)
                .set(MODEL_ADOPTION.ADOPTED_BY, by.value()).set(MODEL_ADOPTION.ADOPTED_AT, now).execute();
    }

    List<Adoption> adoptionsOf(long model) {
        return adoptions(MODEL_ADOPTION.MODEL_ID.eq(model));
    }

    List<Adoption> adoptionsIn(UnitId unit) {
        return adoptions(DOCUMENT.UNIT_ID.eq(unit.value()));
    }

    Optional<Adoption> adoption(long id) {
        return adoptions(MODEL_ADOPTION.ID.eq(id)).stream().findFirst();
    }

    private List<Adoption> adoptions(Condition condition) {
        return dsl.select(MODEL_ADOPTION.ID, MODEL_ADOPTION.MODEL_ID, MODEL_DOCUMENT.CODE,
                        MODEL_DOCUMENT.CURRENT_REVISION, DOCUMENT.ID, DOCUMENT.CODE, UNIT.ID, UNIT.NAME,
                        MODEL_ADOPTION.REVISION_NUMBER, MODEL_ADOPTION.ADOPTED_AT, DOCUMENT.STATUS)
                .from(MODEL_ADOPTION).join(MODEL_DOCUMENT).on(MODEL_DOCUMENT.ID.eq(MODEL_ADOPTION.MODEL_ID))
                .join(DOCUMENT).on(DOCUMENT.ID.eq(MODEL_ADOPTION.DOCUMENT_ID))
                .join(UNIT).on(UNIT.ID.eq(DOCUMENT.UNIT_ID))
                .where(condition).orderBy(UNIT.NAME, MODEL_DOCUMENT.CODE)
                .fetch(r -> new Adoption(r.value1(), r.value2(), r.value3(), r.value4(), new DocumentId(r.value5()),
                        r.value6(), new UnitId(r.value7()), r.value8(), r.value9(), r.value10(),
                        "DRAFT".equals(r.value11())));
    }
}
