package vn.eiso.document;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.CHANGE_REQUEST;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;

@Repository
class JooqChangeRequestRepository {

    private static final Table<?> DECIDER = APP_USER.as("decider");
    private static final Field<String> DECIDER_NAME = DECIDER.field(APP_USER.FULL_NAME);
    private static final Field<Long> DECIDER_ID = DECIDER.field(APP_USER.ID);

    private final DSLContext dsl;

    JooqChangeRequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ChangeRequestId insert(DocumentId document, UserId by, String text, OffsetDateTime now) {
        return new ChangeRequestId(dsl.insertInto(CHANGE_REQUEST)
                .set(CHANGE_REQUEST.DOCUMENT_ID, document.value())
                .set(CHANGE_REQUEST.REQUESTED_BY, by.value())
                .set(CHANGE_REQUEST.REQUESTED_AT, now)
                .set(CHANGE_REQUEST.REQUEST_TEXT, text)
                .set(CHANGE_REQUEST.STATUS, ChangeRequest.Status.OPEN.name())
                .returning(CHANGE_REQUEST.ID)
                .fetchOne(CHANGE_REQUEST.ID));
    }

    boolean decide(ChangeRequestId id, int version, ChangeRequest.Status status, UserId by, OffsetDateTime now,
            String reason, RevisionId revision) {
        return dsl.update(CHANGE_REQUEST)
                .set(CHANGE_REQUEST.STATUS, status.name())
                .set(CHANGE_REQUEST.DECIDED_BY, by.value())
                .set(CHANGE_REQUEST.DECIDED_AT, now)
                .set(CHANGE_REQUEST.REASON, reason)
                .set(CHANGE_REQUEST.REVISION_ID, revision == null ? null : revision.value())
                .set(CHANGE_REQUEST.VERSION, CHANGE_REQUEST.VERSION.plus(1))
                .where(CHANGE_REQUEST.ID.eq(id.value()).and(CHANGE_REQUEST.VERSION.eq(version))
                        .and(CHANGE_REQUEST.STATUS.eq(ChangeRequest.Status.OPEN.name())))
                .execute() == 1;
    }

    Optional<ChangeRequest> find(ChangeRequestId id) {
        return select(CHANGE_REQUEST.ID.eq(id.value())).stream().findFirst();
    }

    List<ChangeRequest> ofDocument(DocumentId document) {
        return select(CHANGE_REQUEST.DOCUMENT_ID.eq(document.value()));
    }

    private List<ChangeRequest> select(Condition condition) {
        return dsl.select(CHANGE_REQUEST.asterisk(), APP_USER.FULL_NAME, DECIDER_NAME)
                .from(CHANGE_REQUEST)
                .join(APP_USER).on(APP_USER.ID.eq(CHANGE_REQUEST.REQUESTED_BY))
                .leftJoin(DECIDER).on(DECIDER_ID.eq(CHANGE_REQUEST.DECIDED_BY))
                .where(condition)
                .orderBy(CHANGE_REQUEST.REQUESTED_AT.desc())
                .fetch(r -> new ChangeRequest(new ChangeRequestId(r.get(CHANGE_REQUEST.ID)),
                        new DocumentId(r.get(CHANGE_REQUEST.DOCUMENT_ID)), r.get(APP_USER.FULL_NAME),
                        r.get(CHANGE_REQUEST.REQUESTED_AT), r.get(CHANGE_REQUEST.REQUEST_TEXT),
                        ChangeRequest.Status.valueOf(r.get(CHANGE_REQUEST.STATUS)), r.get(DECIDER_NAME),
                        r.get(CHANGE_REQUEST.DECIDED_AT), r.get(CHANGE_REQUEST.REASON),
                        r.get(CHANGE_REQUEST.REVISION_ID) == null ? null
                                : new RevisionId(r.get(CHANGE_REQUEST.REVISION_ID)),
                        r.get(CHANGE_REQUEST.VERSION)));
    }
}
