package vn.eiso.search;

import static vn.eiso.db.Tables.SEARCH_JOURNAL;
import static vn.eiso.db.Tables.SEARCH_STATE;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class JooqSearchJournal {

    record Change(long seq, String targetType, long targetId) {
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

    /**
     * Gives committed entries their place in the order every node applies them, up to {@code limit} of them;
     * returns how many. One node at a time (the lock on search_state's row): the entries it sees once it holds the
     * lock include every one sequenced before, so an entry that commits later always gets a higher seq.
     * Call within a transaction.
     */
    int sequence(int limit) {
        if (!dsl.fetchExists(SEARCH_JOURNAL, SEARCH_JOURNAL.SEQ.isNull())) {
            return 0;
        }
        databaseId();
        long next = dsl.select(SEARCH_STATE.NEXT_SEQ).from(SEARCH_STATE).where(SEARCH_STATE.ID.eq(1)).forUpdate()
                .fetchSingle(SEARCH_STATE.NEXT_SEQ);
        List<Long> ids = dsl.select(SEARCH_JOURNAL.ID).from(SEARCH_JOURNAL).where(SEARCH_JOURNAL.SEQ.isNull())
                .orderBy(SEARCH_JOURNAL.ID).limit(limit).fetch(SEARCH_JOURNAL.ID);
        if (ids.isEmpty()) {
            return 0; // another node sequenced them while this one waited for the lock
        }
        // One round trip: an import journals a hundred files a second.
        dsl.batch(IntStream.range(0, ids.size()).mapToObj(i -> dsl.update(SEARCH_JOURNAL)
                .set(SEARCH_JOURNAL.SEQ, next + i).where(SEARCH_JOURNAL.ID.eq(ids.get(i)))).toList()).execute();
        dsl.update(SEARCH_STATE).set(SEARCH_STATE.NEXT_SEQ, next + ids.size()).where(SEARCH_STATE.ID.eq(1))
                .execute();
        return ids.size();
    }

    /**
     * The highest seq given so far: an index built from the database as it is now has applied up to it. Like
     * {@link #prunedThrough}, once {@link #databaseId} has named the database.
     */
    long lastSequenced() {
        return dsl.select(SEARCH_STATE.NEXT_SEQ).from(SEARCH_STATE).where(SEARCH_STATE.ID.eq(1))
                .fetchSingle(SEARCH_STATE.NEXT_SEQ) - 1;
    }

    /** The entries after {@code position}, in the order they are applied; {@code id} is their seq. */
    List<Change> after(long position, int limit) {
        return dsl.select(SEARCH_JOURNAL.SEQ, SEARCH_JOURNAL.TARGET_TYPE, SEARCH_JOURNAL.TARGET_ID)
                .from(SEARCH_JOURNAL).where(SEARCH_JOURNAL.SEQ.gt(position)).orderBy(SEARCH_JOURNAL.SEQ).limit(limit)
                .fetch(r -> new Change(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Entries an index at {@code position} has not applied yet (the index lag). Two lookups on the seq index, not
     * one with "or": the journal keeps days of entries, and the readiness probe asks every second.
     */
    int pending(long position) {
        return dsl.fetchCount(SEARCH_JOURNAL, SEARCH_JOURNAL.SEQ.gt(position))
                + dsl.fetchCount(SEARCH_JOURNAL, SEARCH_JOURNAL.SEQ.isNull());
    }

    /** When the oldest entry an index at {@code position} has not applied was journalled, if there is one. */
    Optional<OffsetDateTime> oldestPending(long position) {
        return Stream.of(SEARCH_JOURNAL.SEQ.gt(position), SEARCH_JOURNAL.SEQ.isNull())
                .map(pending -> dsl.select(DSL.min(SEARCH_JOURNAL.QUEUED_AT)).from(SEARCH_JOURNAL).where(pending)
                        .fetchOne(0, OffsetDateTime.class))
                .filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** The seq up to which entries were pruned: an index behind it has missed some and must be rebuilt. */
    long prunedThrough() {
        return dsl.select(SEARCH_STATE.PRUNED_THROUGH).from(SEARCH_STATE).where(SEARCH_STATE.ID.eq(1))
                .fetchSingle(SEARCH_STATE.PRUNED_THROUGH);
    }

    /** Deletes the sequenced entries journalled before {@code cutoff} (and all before them); returns how many. */
    int prune(OffsetDateTime cutoff) {
        Long through = dsl.select(DSL.max(SEARCH_JOURNAL.SEQ)).from(SEARCH_JOURNAL)
                .where(SEARCH_JOURNAL.QUEUED_AT.lt(cutoff)).fetchOne(0, Long.class);
        if (through == null) {
            return 0;
        }
        int deleted = dsl.deleteFrom(SEARCH_JOURNAL).where(SEARCH_JOURNAL.SEQ.le(through)).execute();
        dsl.update(SEARCH_STATE).set(SEARCH_STATE.PRUNED_THROUGH, DSL.greatest(SEARCH_STATE.PRUNED_THROUGH,
                DSL.val(through))).where(SEARCH_STATE.ID.eq(1)).execute();
        return deleted;
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
