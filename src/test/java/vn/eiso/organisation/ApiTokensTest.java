package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.ApiTokenVerifier.Verified;
import vn.eiso.organisation.ApiToken.Scope;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/** Personal API tokens: password re-entry, an end, a scope, revocation by owner and administrator, the trail. */
class ApiTokensTest extends ServiceTest {

    private static final Duration DAYS_30 = Duration.ofDays(30);

    @Autowired
    ApiTokens tokens;
    @Autowired
    UserService users;
    @Autowired
    AuditTrail trail;

    private String username;
    private String password;
    private UserId userId;

    /** A user of its own per test, so that counts in the trail and the token list are this test's alone. */
    @BeforeEach
    void aFreshUser() {
        as("admin");
        username = "t" + UUID.randomUUID().toString().substring(0, 8);
        password = "Mat-khau-" + UUID.randomUUID();
        userId = users.create(new NewUser(username, "Người dùng mã API", null, password)).id();
        Accounts.signOut();
    }

    private String create(Scope scope) {
        as(username);
        try {
            return tokens.create("script", DAYS_30, scope, password);
        } finally {
            Accounts.signOut();
        }
    }

    private int trailLines(String action) {
        as("admin");
        try {
            return trail.count(new AuditFilter(username, action, null, null));
        } finally {
            Accounts.signOut();
        }
    }

    @Test
    void a_token_is_made_only_with_the_current_password_re_entered() {
        as(username);
        assertThatThrownBy(() -> tokens.create("script", DAYS_30, Scope.READ, "not-my-password"))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.apiToken.password");
        assertThatThrownBy(() -> tokens.create("script", DAYS_30, Scope.READ, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.apiToken.password");
        assertThat(tokens.mine()).isEmpty();
        Accounts.signOut();
        assertThat(trailLines("API_TOKEN_PASSWORD_REFUSED")).isEqualTo(2);

        String token = create(Scope.READ);
        assertThat(tokens.verify(token)).isPresent();
    }

    @Test
    void the_lifetime_is_chosen_up_to_the_configured_maximum() {
        assertThat(tokens.lifetimes()).extracting(Duration::toDays).containsExactly(30L, 90L, 180L, 365L);
        as(username);
        assertThatThrownBy(() -> tokens.create("script", Duration.ofDays(366), Scope.READ, password))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.apiToken.lifetime");
        assertThatThrownBy(() -> tokens.create("script", Duration.ZERO, Scope.READ, password))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.apiToken.lifetime");
        tokens.create("script", Duration.ofDays(365), Scope.READ, password);
        ApiToken made = tokens.mine().getFirst();
        assertThat(Duration.between(made.createdAt(), made.expiresAt())).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void an_expired_token_is_refused_and_shown_as_expired() {
        String token = create(Scope.READ);
        try (var later = clock.moveBy(Duration.ofDays(29))) {
            assertThat(tokens.verify(token)).isPresent();
        }
        try (var later = clock.moveBy(Duration.ofDays(31))) {
            assertThat(tokens.verify(token)).isEmpty();
            as(username);
            assertThat(tokens.mine().getFirst().isExpired(OffsetDateTime.now(clock))).isTrue();
        }
    }

    @Test
    void the_scope_says_whether_the_token_may_write() {
        assertThat(tokens.verify(create(Scope.READ))).get().extracting(Verified::readOnly).isEqualTo(true);
        assertThat(tokens.verify(create(Scope.IMPORT))).get().extracting(Verified::readOnly).isEqualTo(false);
        as(username);
        assertThat(tokens.mine()).extracting(ApiToken::scope).containsExactly(Scope.READ, Scope.IMPORT);
    }

    @Test
    void an_administrator_sees_a_users_tokens_and_revokes_one() {
        String token = create(Scope.IMPORT);
        as("congchuc.stp");
        assertThatThrownBy(() -> tokens.ofUser(userId)).isInstanceOf(AccessDeniedException.class);
        as("admin");
        ApiToken listed = tokens.ofUser(userId).getFirst();
        assertThat(listed.label()).isEqualTo("script");
        tokens.revokeOf(userId, listed.id());
        assertThat(tokens.ofUser(userId)).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(trail.count(new AuditFilter("admin", "API_TOKEN_REVOKED", null, null))).isPositive();
    }

    @Test
    void a_password_reset_revokes_every_token_of_the_user() {
        String first = create(Scope.READ);
        String second = create(Scope.IMPORT);
        as("admin");
        users.resetPassword(userId, "Mat-khau-moi-" + UUID.randomUUID());
        assertThat(tokens.ofUser(userId)).isEmpty();
        assertThat(tokens.verify(first)).isEmpty();
        assertThat(tokens.verify(second)).isEmpty();
    }

    @Test
    void token_use_is_in_the_trail_once_per_day() {
        String token = create(Scope.READ);
        tokens.verify(token);
        tokens.verify(token);
        assertThat(trailLines("API_TOKEN_USED")).isEqualTo(1);
        as(username);
        assertThat(tokens.mine().getFirst().lastUsedAt()).isNotNull();
        Accounts.signOut();

        try (var tomorrow = clock.moveTo(today.plusDays(1).atTime(8, 0))) {
            tokens.verify(token);
            tokens.verify(token);
            assertThat(trailLines("API_TOKEN_USED")).isEqualTo(2);
        }
    }

    @Test
    void parallel_first_uses_of_the_day_write_one_line() throws Exception {
        String token = create(Scope.READ);
        try (var tomorrow = clock.moveTo(today.plusDays(2).atTime(7, 0))) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return tokens.verify(token).isPresent();
                    }));
                }
                start.countDown();
                for (Future<Boolean> call : calls) {
                    assertThat(call.get(30, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(trailLines("API_TOKEN_USED")).isEqualTo(1);
        }
    }
}
