package vn.eiso.organisation;

import static vn.eiso.db.Tables.SIGN_IN_THROTTLE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqSignInThrottleRepository {

    private final DSLContext dsl;

    JooqSignInThrottleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Counts one more attempt under the key and returns the row as it now is, locked until the transaction ends:
     * the increment is one statement, so parallel attempts (on any node) each get their own number.
     */
    /** A key's count right after an attempt was added to it. */
    record Counted(int failures, OffsetDateTime blockedUntil, OffsetDateTime lastFailureAt) {
    }

    Counted countAttempt(SignInThrottleEntry.Kind kind, String key, String username, String address,
            OffsetDateTime now) {
        // A colleague's success at the same address may remove the row between the insert and the update: then
        // insert it again. Once the update has counted, the row is locked until this attempt commits.
        int counted;
        do {
            dsl.insertInto(SIGN_IN_THROTTLE)
                    .set(SIGN_IN_THROTTLE.THROTTLE_KEY, key)
                    .set(SIGN_IN_THROTTLE.KIND, kind.name())
                    .set(SIGN_IN_THROTTLE.USERNAME, username)
                    .set(SIGN_IN_THROTTLE.ADDRESS, address)
                    .set(SIGN_IN_THROTTLE.FAILURES, 0)
                    .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            counted = dsl.update(SIGN_IN_THROTTLE)
                    .set(SIGN_IN_THROTTLE.FAILURES, SIGN_IN_THROTTLE.FAILURES.plus(1))
                    .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                    .execute();
        } while (counted == 0);
        return dsl.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                .fetchSingle(r -> new Counted(r.getFailures(), r.getBlockedUntil(), r.getLastFailureAt()));
    }

    void update(String key, int failures, OffsetDateTime blockedUntil, OffsetDateTime lastFailureAt) {
        dsl.update(SIGN_IN_THROTTLE)
                .set(SIGN_IN_THROTTLE.FAILURES, failures)
                .set(SIGN_IN_THROTTLE.BLOCKED_UNTIL, blockedUntil)
                .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, lastFailureAt)
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }

    /**
     * Takes back the one attempt a success had counted. A row with nothing left stays (the scheduled forgetting
     * removes it): removing it would make every colleague behind the same address insert it again, racing.
     */
    void uncount(String key) {
        dsl.update(SIGN_IN_THROTTLE)
                .set(SIGN_IN_THROTTLE.FAILURES, SIGN_IN_THROTTLE.FAILURES.minus(1))
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key).and(SIGN_IN_THROTTLE.FAILURES.gt(0)))
                .execute();
    }

    boolean delete(String key) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key)).execute() > 0;
    }

    /** The keys that have reached their limit and failed recently, the most recently failing first. */
    List<SignInThrottleEntry> find(int accountLimit, int addressLimit, OffsetDateTime failedSince) {
        Condition reached = SIGN_IN_THROTTLE.KIND.eq(SignInThrottleEntry.Kind.ACCOUNT.name())
                .and(SIGN_IN_THROTTLE.FAILURES.ge(accountLimit))
                .or(SIGN_IN_THROTTLE.KIND.eq(SignInThrottleEntry.Kind.ADDRESS.name())
                        .and(SIGN_IN_THROTTLE.FAILURES.ge(addressLimit)));
        return dsl.selectFrom(SIGN_IN_THROTTLE)
                .where(reached.and(SIGN_IN_THROTTLE.LAST_FAILURE_AT.ge(failedSince)))
                .orderBy(SIGN_IN_THROTTLE.LAST_FAILURE_AT.desc(), SIGN_IN_THROTTLE.THROTTLE_KEY)
                .fetch(r -> new SignInThrottleEntry(r.getThrottleKey(),
                        SignInThrottleEntry.Kind.valueOf(r.getKind()), r.getUsername(), r.getAddress(),
                        r.getFailures(), r.getBlockedUntil(), r.getLastFailureAt()));
    }

    /** Forgets keys whose last failure is older than the cut-off: they count from zero again anyway. */
    int deleteFailedBefore(OffsetDateTime cutOff) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.LAST_FAILURE_AT.lt(cutOff)).execute();
    }
}
