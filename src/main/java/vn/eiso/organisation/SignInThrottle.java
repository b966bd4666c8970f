package vn.eiso.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.SignInThrottledException;
import vn.eiso.organisation.SignInThrottleEntry.Kind;

/**
 * Slows password guessing down without locking anyone out (ADR 16). Failures count per (user name, client address)
 * and per client address; past a limit each further attempt waits, one second doubling up to a ceiling. The real
 * user at another address is never held up by an attacker's failures.
 *
 * <p>Each attempt is counted before its password is checked, in its own short transaction under the row lock of
 * its keys, and a success takes the count back. So parallel attempts, on one node or several, cannot try more
 * passwords than the limit allows: the one that reaches the limit sets the wait that the others then meet.
 */
@Service
public class SignInThrottle {

    static final String TARGET = "SIGN_IN_THROTTLE";
    /** Longer names are cut for the key: nobody has one, and the key must fit its column. */
    private static final int MAX_NAME = 100;

    private final JooqSignInThrottleRepository throttles;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final int accountLimit;
    private final int addressLimit;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;

    SignInThrottle(JooqSignInThrottleRepository throttles, AccessGuard guard, AuditTrail trail, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${eiso.security.sign-in.account-limit}") int accountLimit,
            @Value("${eiso.security.sign-in.address-limit}") int addressLimit,
            @Value("${eiso.security.sign-in.first-delay}") Duration firstDelay,
            @Value("${eiso.security.sign-in.max-delay}") Duration maxDelay,
            @Value("${eiso.security.sign-in.forget-after}") Duration forgetAfter) {
        this.throttles = throttles;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    /**
     * Counts a sign-in attempt, as a failure until {@link #succeeded} says otherwise, or refuses it while its keys
     * must wait; a refused attempt is not counted, so waiting out the delay is always enough.
     */
    void admit(String username, String address) {
        String name = normalise(username);
        for (int attempt = 1; ; attempt++) {
            try {
                countBoth(name, address);
                return;
            } catch (DuplicateKeyException raced) {
                // Two attempts inserted the same new key at once (H2's merge; PostgreSQL's insert ignores the
                // conflict); the row exists now, count again. Colleagues behind one address may race repeatedly.
                if (attempt == 5) {
                    throw raced;
                }
            }
        }
    }

    /** A correct password: the pair starts afresh, and the address gets its attempt back. */
    void succeeded(String username, String address) {
        String name = normalise(username);
        ownTransaction.executeWithoutResult(status -> {
            throttles.uncount(addressKey(address));
            throttles.delete(accountKey(name, address));
        });
    }

    private void countBoth(String name, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ownTransaction.executeWithoutResult(status -> {
            // Always the address first, then the pair: every attempt takes the locks in the same order.
            Duration addressWait = count(Kind.ADDRESS, addressKey(address), null, address, addressLimit, now);
            Duration accountWait = count(Kind.ACCOUNT, accountKey(name, address), name, address, accountLimit, now);
            Duration wait = addressWait.compareTo(accountWait) >= 0 ? addressWait : accountWait;
            if (wait.isPositive()) {
                // Thrown inside the transaction, so the counts just taken are rolled back.
                throw new SignInThrottledException(wait);
            }
        });
    }

    /** Counts the attempt under the key; returns how long it must still wait (zero: it may go on). */
    private Duration count(Kind kind, String key, String name, String address, int limit, OffsetDateTime now) {
        JooqSignInThrottleRepository.Counted row = throttles.countAttempt(kind, key, name, address, now);
        if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
            return Duration.between(now, row.blockedUntil());
        }
        boolean forgotten = row.lastFailureAt().isBefore(now.minus(forgetAfter));
        int failures = forgotten ? 1 : row.failures();
        OffsetDateTime blockedUntil = failures >= limit ? now.plus(delay(failures - limit)) : null;
        throttles.update(key, failures, blockedUntil, now);
        return Duration.ZERO;
    }

    /** One second after the limit is reached, doubling with each further failure, up to the ceiling. */
    private Duration delay(int beyondLimit) {
        if (beyondLimit >= 31) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << beyondLimit);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The keys at or past their limit that failed within the memory of the throttle (administrators). */
    @Transactional(readOnly = true)
    public List<SignInThrottleEntry> current() {
        guard.requireAdministrator();
        return throttles.find(accountLimit, addressLimit, OffsetDateTime.now(clock).minus(forgetAfter));
    }

    /** Lets the key try again at once, for a user who is waiting on the phone (administrators). */
    @Transactional
    public void clear(SignInThrottleEntry entry) {
        guard.requireAdministrator();
        if (!throttles.delete(entry.key())) {
            throw new DomainException("error.signIn.throttleGone");
        }
        trail.record("SIGN_IN_THROTTLE_CLEARED", TARGET, null, null,
                entry.username() == null ? entry.address() : entry.username() + " · " + entry.address());
    }

    /** Keys without a failure for longer than the throttle remembers would count from zero anyway. */
    @Scheduled(fixedDelayString = "${eiso.security.sign-in.forget-after}")
    @SchedulerLock(name = "sign-in-throttle-forget", lockAtLeastFor = "PT1H")
    @Transactional
    void forgetOld() {
        throttles.deleteFailedBefore(OffsetDateTime.now(clock).minus(forgetAfter));
    }

    static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String addressKey(String address) {
        return "A " + address;
    }

    private static String accountKey(String name, String address) {
        return "U " + address + " " + name;
    }
}
