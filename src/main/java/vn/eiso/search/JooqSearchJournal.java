package vn.eiso.search;

import static vn.eiso.db.Tables.SEARCH_JOURNAL;
import static vn.eiso.db.Tables.SEARCH_STATE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class JooqSearchJournal {

    record Change(long id, String targetType, long targetId) {
    }

    private final DSLContext dsl;

    JooqSearchJournal(DSLContext dsl) {
        this.dsl = dsl;
    }

    void add(String targetType, long targetId, OffsetDateTime at) {
        dsl.insertInto(SEARCH_JOURNAL)
                .set(SEARCH_JOURNAL.TARGET_TYPE, targetType)
                .set(SEARCH_JOURNAL.TARGET_ID, targetId)
                .set(SEARCH_JOURNAL.QUEUED_AT, at)
                .execute();
    }

    List<Change> next(int limit) {
        return dsl.select(SEARCH_JOURNAL.ID, SEARCH_JOURNAL.TARGET_TYPE, SEARCH_JOURNAL.TARGET_ID)
                .from(SEARCH_JOURNAL).orderBy(SEARCH_JOURNAL.ID).limit(limit)
                .fetch(r -> new Change(r.value1(), r.value2(), r.value3()));
    }

    void delete(List<Long> ids) {
        dsl.deleteFrom(SEARCH_JOURNAL).where(SEARCH_JOURNAL.ID.in(ids)).execute();
    }

    int pending() {
        return dsl.fetchCount(SEARCH_JOURNAL);
    }

    /** This database's name for the index, created on first use. */
    String databaseId() {
        String id = dsl.select(SEARCH_STATE.DATABASE_ID).from(SEARCH_STATE).where(SEARCH_STATE.ID.eq(1))
                .fetchOne(SEARCH_STATE.DATABASE_ID);
        if (id != null) {
            return id;
        }
        try {
            dsl.insertInto(SEARCH_STATE).set(SEARCH_STATE.ID, 1)
                    .set(SEARCH_STATE.DATABASE_ID, UUID.randomUUID().toString()).execute();
        } catch (DuplicateKeyException e) {
            // Another instance named it first; use its name.
        }
        return dsl.select(SEARCH_STATE.DATABASE_ID).from(SEARCH_STATE).where(SEARCH_STATE.ID.eq(1))
                .fetchOne(SEARCH_STATE.DATABASE_ID);
    }
}
