package vn.eiso.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.ApiTokenVerifier;

/**
 * Personal API tokens: each user makes their own for scripts (re-entering the password, choosing an end and a
 * scope), sees them listed with their last use and revokes them; an administrator sees and revokes anyone's. A
 * token acts with its owner's live roles, so revoking a membership narrows it at once; a locked or disabled
 * account's tokens stop working. See ADR 17.
 */
@Service
public class ApiTokens implements ApiTokenVerifier {

    static final String TARGET = "API_TOKEN";
    private static final int MAX_PER_USER = 10;
    private static final String PREFIX = "eiso_";
    /** The lifetimes offered at creation, as far as the configured maximum allows. */
    private static final List<Duration> CHOICES = List.of(Duration.ofDays(30), Duration.ofDays(90),
            Duration.ofDays(180), Duration.ofDays(365));

    private final JooqApiTokenRepository tokens;
    private final UserDetailsService userDetails;
    private final PasswordEncoder passwordEncoder;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final Duration maxLifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JooqApiTokenRepository tokens, UserDetailsService userDetails, PasswordEncoder passwordEncoder,
            AccessGuard guard, AuditTrail trail, Clock clock,
            @Value("${eiso.api.token.max-lifetime}") Duration maxLifetime) {
        this.tokens = tokens;
        this.userDetails = userDetails;
        this.passwordEncoder = passwordEncoder;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    /** The lifetimes a new token may be given, shortest first; the configured maximum is always among them. */
    public List<Duration> lifetimes() {
        List<Duration> out = new ArrayList<>(CHOICES.stream().filter(d -> d.compareTo(maxLifetime) <= 0).toList());
        if (!out.contains(maxLifetime)) {
            out.add(maxLifetime);
        }
        return out;
    }

    /**
     * A new token for the caller, once the caller's current password is re-entered: a session left open must not
     * be enough to mint a credential that outlives it. The returned text is the only time anyone sees it.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public String create(String label, Duration lifetime, ApiToken.Scope scope, String password) {
        Caller caller = guard.caller();
        UserId user = caller.user().orElseThrow(() -> new DomainException("error.apiToken.notFound"));
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new DomainException("error.apiToken.label");
        }
        if (lifetime == null || lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(maxLifetime) > 0) {
            throw new DomainException("error.apiToken.lifetime", maxLifetime.toDays());
        }
        if (scope == null) {
            throw new DomainException("error.apiToken.scope");
        }
        if (!isPasswordOf(caller.username(), password)) {
            // Committed despite the refusal (noRollbackFor): every wrong re-entry stays in the trail.
            trail.record("API_TOKEN_PASSWORD_REFUSED", TARGET, null, null, clean);
            throw new DomainException("error.apiToken.password");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (tokens.countUsableOfUser(user, now) >= MAX_PER_USER) {
            throw new DomainException("error.apiToken.tooMany", MAX_PER_USER);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = now.plus(lifetime);
        long id = tokens.insert(user, clean, sha256(token), scope, now, expires);
        trail.record("API_TOKEN_CREATED", TARGET, id, null, clean + " · " + scope + " · " + expires.toLocalDate());
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.ofUser(self());
    }

    @Transactional
    public void revoke(long id) {
        revoke(self(), id);
    }

    /** An administrator's view of a user's tokens (never the tokens themselves). */
    @Transactional(readOnly = true)
    public List<ApiToken> ofUser(UserId user) {
        guard.requireAdministrator();
        return tokens.ofUser(user);
    }

    /** An administrator revokes one of a user's tokens (a script that leaked it, a user who left). */
    @Transactional
    public void revokeOf(UserId user, long id) {
        guard.requireAdministrator();
        revoke(user, id);
    }

    @Override
    @Transactional
    public Optional<Verified> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tokens.findUsable(sha256(token), now).flatMap(holder -> {
            UserDetails user;
            try {
                user = userDetails.loadUserByUsername(holder.username());
            } catch (UsernameNotFoundException e) {
                return Optional.empty();
            }
            if (!user.isEnabled()) {
                return Optional.empty();
            }
            OffsetDateTime startOfDay = DailyUse.startOfToday(clock);
            if (tokens.markUsed(holder.id(), now, startOfDay)) {
                trail.recordAs(holder.username(), "API_TOKEN_USED", TARGET, holder.id(), null, holder.label());
            }
            return Optional.of(new Verified(user, holder.scope() == ApiToken.Scope.READ));
        });
    }

    private void revoke(UserId user, long id) {
        ApiToken token = tokens.find(user, id).orElseThrow(() -> new DomainException("error.apiToken.notFound"));
        tokens.delete(user, id);
        trail.record("API_TOKEN_REVOKED", TARGET, id, null, token.label());
    }

    private boolean isPasswordOf(String username, String password) {
        try {
            return password != null
                    && passwordEncoder.matches(password, userDetails.loadUserByUsername(username).getPassword());
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    private UserId self() {
        return guard.caller().user().orElseThrow(() -> new DomainException("error.apiToken.notFound"));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
