package vn.eiso.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.organisation.JooqSigningRepository.Secrets;

/**
 * Every re-entered signing secret passes here: at most {@code max-failures} wrong ones per user in any window, then
 * a pause until the oldest of them leaves the window. The failures are counted in the audit trail itself, and are
 * written in a transaction of their own, so the refused action's rollback cannot erase them. Attempts during a
 * pause are refused without looking at the secret (the right one included) and do not lengthen it.
 */
@Component
class SignatureGate {

    static final String FAILED = "SIGNATURE_FAILED";
    static final String PAUSED = "SIGNATURE_PAUSED";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    enum Verdict { ACCEPTED, WRONG, PAUSED }

    record Outcome(Verdict verdict, OffsetDateTime pausedUntil) {
    }

    private final JooqSigningRepository signing;
    private final AuditTrail trail;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final int maxFailures;
    private final Duration window;

    SignatureGate(JooqSigningRepository signing, AuditTrail trail, Clock clock, PlatformTransactionManager transactions,
            @Value("${eiso.security.signature.max-failures}") int maxFailures,
            @Value("${eiso.security.signature.window}") Duration window) {
        this.signing = signing;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.trail = trail;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Checks the secret of the signed-in user; {@code context} names what was being signed, for the trail. The
     * secrets are read in the caller's transaction (which may have made the account); the counting and the trail
     * entries happen in a transaction of their own.
     */
    Outcome attempt(UserId user, String context, Predicate<Secrets> check) {
        Secrets secrets = signing.secrets(user).orElseThrow(() -> new DomainException("error.user.notFound"));
        return ownTransaction.execute(status -> count(user, context, () -> check.test(secrets)));
    }

    private Outcome count(UserId user, String context, BooleanSupplier correct) {
        signing.lockGate(user);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OffsetDateTime> failures = new ArrayList<>(
                trail.timesSince(FAILED, UserService.TARGET, user, now.minus(window)));
        if (failures.size() >= maxFailures) {
            return pause(user, context, failures);
        }
        if (correct.getAsBoolean()) {
            return new Outcome(Verdict.ACCEPTED, null);
        }
        trail.record(FAILED, UserService.TARGET, user, null, context);
        failures.add(now);
        return failures.size() >= maxFailures ? pause(user, context, failures) : new Outcome(Verdict.WRONG, null);
    }

    private Outcome pause(UserId user, String context, List<OffsetDateTime> failures) {
        OffsetDateTime until = failures.get(failures.size() - maxFailures).plus(window);
        trail.record(PAUSED, UserService.TARGET, user, null, context + " · " + until);
        return new Outcome(Verdict.PAUSED, until);
    }

    /** The refusal the user reads: the pause with its end in the agencies' time, or the given wrong-secret key. */
    DomainException refusal(Outcome outcome, String wrongKey) {
        return outcome.verdict() == Verdict.PAUSED
                ? new DomainException("error.signature.paused",
                        UNTIL.format(outcome.pausedUntil().atZoneSameInstant(clock.getZone())))
                : new DomainException(wrongKey);
    }
}
