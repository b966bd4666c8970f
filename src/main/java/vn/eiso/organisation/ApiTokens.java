package vn.eiso.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.ApiTokenVerifier;

/**
 * Personal API tokens: each user makes their own for scripts, sees them listed and revokes them. A token acts
 * with its owner's live roles, so revoking a membership narrows it at once; a locked or disabled account's
 * tokens stop working.
 */
@Service
public class ApiTokens implements ApiTokenVerifier {

    static final String TARGET = "API_TOKEN";
    private static final int MAX_PER_USER = 10;
    private static final String PREFIX = "eiso_";

    private final JooqApiTokenRepository tokens;
    private final UserDetailsService userDetails;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JooqApiTokenRepository tokens, UserDetailsService userDetails, AccessGuard guard, AuditTrail trail,
            Clock clock) {
        this.tokens = tokens;
        this.userDetails = userDetails;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** A new token for the caller; the returned text is the only time anyone sees it. */
    @Transactional
    public String create(String label) {
        UserId user = self();
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new DomainException("error.apiToken.label");
        }
        if (tokens.countOfUser(user) >= MAX_PER_USER) {
            throw new DomainException("error.apiToken.tooMany", MAX_PER_USER);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = tokens.insert(user, clean, sha256(token), OffsetDateTime.now(clock));
        trail.record("API_TOKEN_CREATED", TARGET, id, null, clean);
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.ofUser(self());
    }

    @Transactional
    public void revoke(long id) {
        if (!tokens.delete(self(), id)) {
            throw new DomainException("error.apiToken.notFound");
        }
        trail.record("API_TOKEN_REVOKED", TARGET, id, null, null);
    }

    @Override
    @Transactional
    public Optional<UserDetails> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.use(sha256(token), OffsetDateTime.now(clock))
                .flatMap(username -> {
                    try {
                        return Optional.of(userDetails.loadUserByUsername(username));
                    } catch (UsernameNotFoundException e) {
                        return Optional.empty();
                    }
                })
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
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
