package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SessionGenerations;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/**
 * Which changes end an account's sessions (ADR 0020): each that takes a right away moves the generation on in its
 * own transaction, and the principal of the next sign-in carries the new one. Rolled back after each.
 */
@Transactional
class SessionGenerationTest extends ServiceTest {

    @Autowired
    UserService users;
    @Autowired
    Restructuring restructuring;
    @Autowired
    SessionGenerations generations;
    @Autowired
    JooqApiTokenRepository tokens;

    private UserAccount user;
    private UnitId commune;

    @BeforeEach
    void aMemberOfANewCommune() {
        as("admin");
        commune = units.create(new UnitData("SG-" + code(), "Phường Phiên", UnitType.COMMUNE, unit("HOAAN"))).id();
        String name = "sg" + UUID.randomUUID().toString().substring(0, 8);
        user = users.create(new NewUser(name, "Phiên " + name, null, Accounts.DEMO_PASSWORD));
        users.grant(user.id(), commune, Role.STAFF);
    }

    private static String code() {
        return UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    private int generation() {
        return generations.currentOf(user.id()).orElseThrow();
    }

    @Test
    void what_gives_or_renames_ends_nothing() {
        int before = generation();
        users.grant(user.id(), commune, Role.QUALITY_OFFICER);
        UserAccount account = users.get(user.id());
        users.update(account.id(), account.version(), "Tên mới", "moi@hoaan.gov.vn", true);

        assertThat(generation()).isEqualTo(before);
    }

    @Test
    void the_principal_of_a_sign_in_carries_the_generation_of_that_moment() {
        users.revoke(users.membershipsOf(user.id()).getFirst().id());

        EisoPrincipal principal = (EisoPrincipal) userDetails.loadUserByUsername(user.username());
        assertThat(principal.sessionGeneration()).isEqualTo(generation()).isPositive();
    }

    @Test
    void disabling_moves_it_on_and_a_disabled_account_has_none() {
        UserAccount account = users.get(user.id());
        users.update(account.id(), account.version(), account.fullName(), account.email(), false);

        assertThat(generations.currentOf(user.id())).isEqualTo(OptionalInt.empty());
    }

    @Test
    void a_password_reset_moves_it_on_and_revokes_every_token() {
        int before = generation();
        tokens.insert(user.id(), "script", "a".repeat(64), ApiToken.Scope.READ, OffsetDateTime.now(clock),
                OffsetDateTime.now(clock).plusDays(30));

        users.resetPassword(user.id(), Accounts.DEMO_PASSWORD + " khác");

        assertThat(generation()).isEqualTo(before + 1);
        assertThat(tokens.countUsableOfUser(user.id(), OffsetDateTime.now(clock))).isZero();
    }

    @Test
    void archiving_the_unit_moves_it_on() {
        int before = generation();
        units.archive(commune, units.get(commune).version());

        assertThat(generation()).isEqualTo(before + 1);
    }

    @Test
    void a_merge_that_moves_the_membership_moves_it_on() {
        int before = generation();
        UnitId successor = units.create(new UnitData("SG-N" + code(), "Phường Phiên mới", UnitType.COMMUNE,
                unit("HOAAN"))).id();

        restructuring.merge(List.of(commune), successor);

        assertThat(generation()).isEqualTo(before + 1);
        assertThat(users.membershipsOf(user.id())).extracting(Membership::unitId).containsExactly(successor);
    }
}
