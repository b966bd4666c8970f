package vn.eiso.organisation;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.SsoPrincipal;

/**
 * The signing PIN (ADR 18): what a user re-enters to sign once they have set one, instead of the password, which a
 * user who signs in through the single sign-on may never type. Setting it needs proof of the account: the current
 * password, or a single sign-on sign-in that is still fresh.
 */
@Service
public class SigningPins {

    static final int MIN_LENGTH = 6;
    static final int MAX_LENGTH = 12;

    private final JooqSigningRepository signing;
    private final SignatureGate signatures;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Duration freshSignIn;

    SigningPins(JooqSigningRepository signing, SignatureGate signatures, AccessGuard guard, AuditTrail trail,
            PasswordEncoder passwordEncoder, Clock clock, @Value("${eiso.sso.fresh-sign-in}") Duration freshSignIn) {
        this.signing = signing;
        this.signatures = signatures;
        this.guard = guard;
        this.trail = trail;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.freshSignIn = freshSignIn;
    }

    @Transactional(readOnly = true)
    public boolean hasOwnPin() {
        return signing.hasPin(me());
    }

    /** Whether setting the PIN asks for the password: always, except right after a single sign-on sign-in. */
    public boolean needsPassword() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return !(auth != null && auth.getPrincipal() instanceof SsoPrincipal sso
                && sso.signedInAt().plus(freshSignIn).isAfter(clock.instant()));
    }

    /**
     * Sets or replaces the caller's PIN. A wrong password counts against the same limit as a wrong signature, so
     * this is no side door for guessing it.
     */
    @Transactional
    public void setOwnPin(String password, String pin) {
        UserId me = me();
        String valid = valid(pin);
        if (needsPassword()) {
            SignatureGate.Outcome outcome = signatures.attempt(me, "SIGNING_PIN_SET",
                    s -> password != null && passwordEncoder.matches(password, s.passwordHash()));
            if (outcome.verdict() != SignatureGate.Verdict.ACCEPTED) {
                throw signatures.refusal(outcome, "error.signingPin.password");
            }
        }
        signing.updatePin(me, passwordEncoder.encode(valid));
        trail.record("SIGNING_PIN_SET", UserService.TARGET, me, null, null);
    }

    /** Digits only, 6 to 12 of them, neither one digit repeated nor a run such as 123456 or 987654. */
    static String valid(String pin) {
        String value = pin == null ? "" : pin.strip();
        if (!value.matches("[0-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}")) {
            throw new DomainException("error.signingPin.format", MIN_LENGTH, MAX_LENGTH);
        }
        if (value.chars().distinct().count() == 1 || run(value, 1) || run(value, 9)) {
            throw new DomainException("error.signingPin.weak");
        }
        return value;
    }

    /** Each digit follows the one before by the same step, 9 wrapping to 0 (step 1 up, step 9 down). */
    private static boolean run(String digits, int step) {
        for (int i = 1; i < digits.length(); i++) {
            if ((digits.charAt(i) - digits.charAt(i - 1) + 10) % 10 != step) {
                return false;
            }
        }
        return true;
    }

    private UserId me() {
        return guard.caller().user().orElseThrow(() -> new AccessDeniedException("no user"));
    }
}
