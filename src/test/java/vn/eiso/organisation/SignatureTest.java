package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditEntry;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SsoPrincipal;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import vn.eiso.support.ServiceTest;
import vn.eiso.support.TestClock;

/**
 * Re-entered signing secrets: five wrong ones per hour per user, then a pause that even the right one does not
 * break; every failure stays in the trail although the signature's own transaction rolls back; the signing PIN.
 */
class SignatureTest extends ServiceTest {

    private static final String PASSWORD = "mot cau mat khau du dai";

    @Autowired
    UserService users;
    @Autowired
    SigningPins pins;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    private UserId me;
    private String username;

    /** A user of their own for each test: the limit counts per user, over the whole shared trail. */
    @BeforeEach
    void aFreshUser() {
        as("admin");
        username = "ky" + UUID.randomUUID().toString().substring(0, 8);
        me = users.create(new NewUser(username, "Người Ký Thử", null, PASSWORD)).id();
        as(username);
    }

    private DomainException refusal(String secret) {
        return catchThrowableOfType(DomainException.class, () -> users.verifySignature(secret, "TEST"));
    }

    private int trailed(String action) {
        return trail.timesSince(action, UserService.TARGET, me, OffsetDateTime.now(clock).minusDays(1)).size();
    }

    @Test
    void the_sixth_signature_within_the_hour_is_paused_even_with_the_right_password_and_the_pause_lifts_after() {
        for (int i = 1; i <= 4; i++) {
            assertThat(refusal("sai " + i).messageKey()).isEqualTo("error.signoff.password");
        }
        DomainException fifth = refusal("sai 5");
        assertThat(fifth.messageKey()).as("the fifth failure starts the pause").isEqualTo("error.signature.paused");
        assertThat(fifth.args()[0].toString()).matches("\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}");

        assertThat(refusal(PASSWORD).messageKey()).as("the right password during the pause")
                .isEqualTo("error.signature.paused");
        assertThat(trailed("SIGNATURE_FAILED")).as("refusals during the pause do not lengthen it").isEqualTo(5);

        try (TestClock.Moved almost = clock.moveBy(Duration.ofMinutes(58))) {
            assertThat(refusal(PASSWORD).messageKey()).isEqualTo("error.signature.paused");
        }
        try (TestClock.Moved later = clock.moveBy(Duration.ofMinutes(61))) {
            assertThatCode(() -> users.verifySignature(PASSWORD, "TEST")).doesNotThrowAnyException();
        }
        assertThat(trailed("SIGNATURE_PAUSED")).isEqualTo(3);
    }

    @Test
    void every_failure_is_in_the_trail_although_the_signature_transaction_rolled_back() {
        for (int i = 1; i <= 3; i++) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                users.verifySignature("sai", "REVISION_APPROVED #42");
                throw new AssertionError("signed with a wrong password");
            })).isInstanceOf(DomainException.class);
        }
        as("admin");
        assertThat(trailed("SIGNATURE_FAILED")).isEqualTo(3);
        assertThat(trail.find(new AuditFilter(null, "SIGNATURE_FAILED", null, null), 0, 100))
                .filteredOn(e -> me.toString().equals(e.targetId()))
                .extracting(AuditEntry::details).containsOnly("REVISION_APPROVED #42");
    }

    @Test
    void once_a_pin_is_set_it_signs_instead_of_the_password() {
        assertThat(pins.hasOwnPin()).isFalse();
        assertThat(pins.needsPassword()).as("a password sign-in").isTrue();

        pins.setOwnPin(PASSWORD, "205817");

        assertThat(pins.hasOwnPin()).isTrue();
        assertThatCode(() -> users.verifySignature("205817", "TEST")).doesNotThrowAnyException();
        assertThat(refusal(PASSWORD).messageKey()).isEqualTo("error.signoff.password");
        assertThat(trailed("SIGNING_PIN_SET")).isEqualTo(1);
    }

    @Test
    void right_after_a_single_sign_on_the_pin_is_set_without_the_password_and_later_the_password_is_asked() {
        EisoPrincipal user = (EisoPrincipal) userDetails.loadUserByUsername(username);
        SignedIn.as(new SsoPrincipal(user, new OidcIdToken("id-token", clock.instant(),
                clock.instant().plusSeconds(300), Map.of("sub", user.getUsername())), null, clock.instant()));

        assertThat(pins.needsPassword()).isFalse();
        pins.setOwnPin(null, "480261");
        assertThatCode(() -> users.verifySignature("480261", "TEST")).doesNotThrowAnyException();

        try (TestClock.Moved later = clock.moveBy(Duration.ofMinutes(11))) {
            assertThat(pins.needsPassword()).as("the sign-on is no longer fresh").isTrue();
            assertThatThrownBy(() -> pins.setOwnPin(null, "480262"))
                    .hasFieldOrPropertyWithValue("messageKey", "error.signingPin.password");
        }
    }

    @Test
    void a_pin_needs_the_password_and_six_digits_that_are_not_a_run_or_one_digit() {
        for (String weak : new String[] {"12345", "12a456", "111111", "123456", "987654", "890123", "1234567890123"}) {
            assertThatThrownBy(() -> pins.setOwnPin(PASSWORD, weak)).as(weak).isInstanceOf(DomainException.class);
        }
        assertThat(trailed("SIGNATURE_FAILED")).as("a refused PIN costs no attempt").isZero();

        assertThatThrownBy(() -> pins.setOwnPin("sai", "205817"))
                .hasFieldOrPropertyWithValue("messageKey", "error.signingPin.password");
        assertThat(trailed("SIGNATURE_FAILED")).as("a wrong password here counts like a wrong signature")
                .isEqualTo(1);
        assertThat(pins.hasOwnPin()).isFalse();
    }
}
