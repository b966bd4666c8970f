package vn.eiso.document;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.IMPORT_JOB;
import static vn.eiso.db.Tables.IMPORT_VERDICT;
import static vn.eiso.db.Tables.UNIT;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

@Repository
class JooqImportJobRepository {

    /** Message arguments are kept as text; numbers come back as numbers so that choice formats still work. */
    private static final String SEPARATOR = "\u001F";
    private static final org.jooq.Table<?> STARTER = APP_USER.as("starter");
    private static final org.jooq.Table<?> CONFIRMER = APP_USER.as("confirmer");

    private final DSLContext dsl;

    JooqImportJobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ImportJobId insert(UnitId unit, UserId startedBy, ImportJob.Channel channel, String archiveName, long size,
            OffsetDateTime now) {
        return new ImportJobId(dsl.insertInto(IMPORT_JOB)
                .set(IMPORT_JOB.UNIT_ID, unit.value())
                .set(IMPORT_JOB.STARTED_BY, startedBy.value())
                .set(IMPORT_JOB.CHANNEL, channel.name())
                .set(IMPORT_JOB.ARCHIVE_NAME, archiveName)
                .set(IMPORT_JOB.ARCHIVE_SIZE, size)
                .set(IMPORT_JOB.STATE, ImportJob.State.QUEUED.name())
                .set(IMPORT_JOB.CREATED_AT, now)
                .returning(IMPORT_JOB.ID)
                .fetchOne(IMPORT_JOB.ID));
    }

    Optional<ImportJob> find(ImportJobId id) {
        return select(IMPORT_JOB.ID.eq(id.value())).stream().findFirst();
    }

    List<ImportJob> ofUnit(UnitId unit, int limit) {
        return select(IMPORT_JOB.UNIT_ID.eq(unit.value()), limit);
    }

    List<ImportJob> unfinished() {
        return select(IMPORT_JOB.STATE.in(ImportJob.State.QUEUED.name(), ImportJob.State.RUNNING.name()));
    }

    List<ImportJob> awaitingConfirmation(UnitId unit) {
        return select(IMPORT_JOB.UNIT_ID.eq(unit.value()).and(IMPORT_JOB.STATE.eq(ImportJob.State.DONE.name()))
                .and(IMPORT_JOB.AWAITING.gt(0)).and(IMPORT_JOB.CONFIRMED_AT.isNull()));
    }

    UserId starter(ImportJobId id) {
        return new UserId(dsl.select(IMPORT_JOB.STARTED_BY).from(IMPORT_JOB).where(IMPORT_JOB.ID.eq(id.value()))
                .fetchOne(IMPORT_JOB.STARTED_BY));
    }

    String starterUsername(ImportJobId id) {
        return dsl.select(APP_USER.USERNAME).from(IMPORT_JOB).join(APP_USER).on(APP_USER.ID.eq(IMPORT_JOB.STARTED_BY))
                .where(IMPORT_JOB.ID.eq(id.value())).fetchOne(APP_USER.USERNAME);
    }

    void planned(ImportJobId id, int total, OffsetDateTime now) {
        dsl.update(IMPORT_JOB)
                .set(IMPORT_JOB.STATE, ImportJob.State.RUNNING.name())
                .set(IMPORT_JOB.TOTAL, total)
                .set(IMPORT_JOB.STARTED_AT, DSL.coalesce(IMPORT_JOB.STARTED_AT, DSL.val(now)))
                .where(IMPORT_JOB.ID.eq(id.value()))
                .execute();
    }

    /** One more entry judged: its verdict and the job's counts move together, in the caller's transaction. */
    void addVerdict(ImportJobId id, ImportVerdict verdict, boolean awaiting) {
        dsl.insertInto(IMPORT_VERDICT)
                .set(IMPORT_VERDICT.JOB_ID, id.value())
                .set(IMPORT_VERDICT.SEQ, verdict.seq())
                .set(IMPORT_VERDICT.ENTRY_NAME, clip(verdict.entryName(), 1024))
                .set(IMPORT_VERDICT.CODE, clip(verdict.code(), 64))
                .set(IMPORT_VERDICT.OUTCOME, verdict.outcome().name())
                .set(IMPORT_VERDICT.MESSAGE_KEY, verdict.messageKey())
                .set(IMPORT_VERDICT.MESSAGE_ARGS, clip(joinArgs(verdict.args()), 2000))
                .execute();
        ImportVerdict.Outcome outcome = verdict.outcome();
        dsl.update(IMPORT_JOB)
                .set(IMPORT_JOB.DONE, IMPORT_JOB.DONE.plus(1))
                .set(IMPORT_JOB.IMPORTED, IMPORT_JOB.IMPORTED.plus(outcome == ImportVerdict.Outcome.IMPORTED ? 1 : 0))
                .set(IMPORT_JOB.SKIPPED, IMPORT_JOB.SKIPPED.plus(outcome == ImportVerdict.Outcome.SKIPPED ? 1 : 0))
                .set(IMPORT_JOB.REFUSED, IMPORT_JOB.REFUSED.plus(outcome == ImportVerdict.Outcome.REFUSED ? 1 : 0))
                .set(IMPORT_JOB.AWAITING, IMPORT_JOB.AWAITING.plus(awaiting ? 1 : 0))
                .where(IMPORT_JOB.ID.eq(id.value()))
                .execute();
    }

    int count(ImportJob.State state) {
        return dsl.fetchCount(IMPORT_JOB, IMPORT_JOB.STATE.eq(state.name()));
    }

    void finish(ImportJobId id, ImportJob.State state, String errorKey, List<Object> errorArgs, OffsetDateTime now) {
        dsl.update(IMPORT_JOB)
                .set(IMPORT_JOB.STATE, state.name())
                .set(IMPORT_JOB.ERROR_KEY, errorKey)
                .set(IMPORT_JOB.ERROR_ARGS, errorArgs == null ? null : clip(joinArgs(errorArgs), 1000))
                .set(IMPORT_JOB.FINISHED_AT, now)
                .where(IMPORT_JOB.ID.eq(id.value()))
                .execute();
    }

    /** Marks the batch confirmed once; false when someone confirmed it first. */
    boolean confirm(ImportJobId id, UserId by, OffsetDateTime now) {
        return dsl.update(IMPORT_JOB)
                .set(IMPORT_JOB.CONFIRMED_BY, by.value())
                .set(IMPORT_JOB.CONFIRMED_AT, now)
                .where(IMPORT_JOB.ID.eq(id.value()).and(IMPORT_JOB.CONFIRMED_AT.isNull()))
                .execute() == 1;
    }

    List<ImportVerdict> verdicts(ImportJobId id) {
        return dsl.selectFrom(IMPORT_VERDICT).where(IMPORT_VERDICT.JOB_ID.eq(id.value()))
                .orderBy(IMPORT_VERDICT.SEQ)
                .fetch(r -> new ImportVerdict(r.getSeq(), r.getEntryName(), r.getCode(),
                        ImportVerdict.Outcome.valueOf(r.getOutcome()), r.getMessageKey(),
                        splitArgs(r.getMessageArgs())));
    }

    private List<ImportJob> select(Condition where) {
        return select(where, Integer.MAX_VALUE);
    }

    private List<ImportJob> select(Condition where, int limit) {
        return dsl.select(IMPORT_JOB.asterisk(), UNIT.CODE, STARTER.field(APP_USER.FULL_NAME),
                        CONFIRMER.field(APP_USER.FULL_NAME))
                .from(IMPORT_JOB)
                .join(UNIT).on(UNIT.ID.eq(IMPORT_JOB.UNIT_ID))
                .join(STARTER).on(STARTER.field(APP_USER.ID).eq(IMPORT_JOB.STARTED_BY))
                .leftJoin(CONFIRMER).on(CONFIRMER.field(APP_USER.ID).eq(IMPORT_JOB.CONFIRMED_BY))
                .where(where)
                .orderBy(IMPORT_JOB.ID.desc())
                .limit(limit)
                .fetch(JooqImportJobRepository::toJob);
    }

    private static ImportJob toJob(Record r) {
        return new ImportJob(new ImportJobId(r.get(IMPORT_JOB.ID)), new UnitId(r.get(IMPORT_JOB.UNIT_ID)),
                r.get(UNIT.CODE), r.get(IMPORT_JOB.ARCHIVE_NAME), ImportJob.Channel.valueOf(r.get(IMPORT_JOB.CHANNEL)),
                ImportJob.State.valueOf(r.get(IMPORT_JOB.STATE)), r.get(IMPORT_JOB.TOTAL), r.get(IMPORT_JOB.DONE),
                r.get(IMPORT_JOB.IMPORTED), r.get(IMPORT_JOB.SKIPPED), r.get(IMPORT_JOB.REFUSED),
                r.get(IMPORT_JOB.AWAITING), r.get(IMPORT_JOB.ERROR_KEY), splitArgs(r.get(IMPORT_JOB.ERROR_ARGS)),
                r.get(STARTER.field(APP_USER.FULL_NAME)), r.get(IMPORT_JOB.CREATED_AT), r.get(IMPORT_JOB.STARTED_AT),
                r.get(IMPORT_JOB.FINISHED_AT), r.get(CONFIRMER.field(APP_USER.FULL_NAME)),
                r.get(IMPORT_JOB.CONFIRMED_AT));
    }

    private static String joinArgs(List<Object> args) {
        return args.isEmpty() ? null : args.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR));
    }

    private static List<Object> splitArgs(String joined) {
        if (joined == null) {
            return List.of();
        }
        return Arrays.stream(joined.split(SEPARATOR, -1))
                .map(a -> a.matches("-?(0|[1-9]\\d{0,17})") ? (Object) Long.valueOf(a) : a).toList();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
