package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.Grant;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.support.Accounts;

@SpringBootTest
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    UnitService units;
    @Autowired
    JooqUserRepository repository;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AccessGuard guard;
    @Autowired
    UserDetailsService userDetails;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private UnitId unit(String code) {
        return SystemAuthentication.runAsSystem(() -> units.all().stream().filter(u -> u.code().equals(code))
                .findFirst().orElseThrow().id());
    }

    private static String name() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_new_user_gets_a_bcrypt_hash_never_the_password_itself() {
        Accounts.signIn(userDetails, "admin");
        String username = name();
        users.create(new NewUser(username, "Nguyễn Văn A", "a@hoaan.gov.vn", "mật khẩu rất dài của tôi"));

        String hash = repository.findLogin(username).orElseThrow().passwordHash();
        assertThat(hash).startsWith("$2").doesNotContain("mật khẩu rất dài của tôi");
        assertThat(encoder.matches("mật khẩu rất dài của tôi", hash)).isTrue();
    }

    @Test
    void bad_user_input_is_refused_with_its_reason() {
        Accounts.signIn(userDetails, "admin");
        assertThatThrownBy(() -> users.create(new NewUser("admin", "Trùng", null, Accounts.DEMO_PASSWORD)))
                .hasMessageContaining("error.user.usernameTaken");
        assertThatThrownBy(() -> users.create(new NewUser("Có Dấu", "Tên", null, Accounts.DEMO_PASSWORD)))
                .hasMessageContaining("error.user.usernameInvalid");
        assertThatThrownBy(() -> users.create(new NewUser(name(), "Tên", null, "ngan")))
                .hasMessageContaining("error.user.passwordTooShort");
        assertThatThrownBy(() -> users.create(new NewUser(name(), "Tên", "khong-phai-email", Accounts.DEMO_PASSWORD)))
                .hasMessageContaining("error.user.emailInvalid");
        assertThatThrownBy(() -> users.create(new NewUser(name(), "", null, Accounts.DEMO_PASSWORD)))
                .hasMessageContaining("error.nameRequired");
    }

    @Test
    void a_user_holds_roles_in_several_units_and_loses_one_at_once_when_revoked() {
        Accounts.signIn(userDetails, "admin");
        UserAccount user = users.create(new NewUser(name(), "Thư ký hai xã", null, Accounts.DEMO_PASSWORD));
        Membership first = users.grant(user.id(), unit("X-ANBINH"), Role.QUALITY_OFFICER);
        users.grant(user.id(), unit("X-HOALOI"), Role.QUALITY_OFFICER);
        assertThatThrownBy(() -> users.grant(user.id(), unit("X-HOALOI"), Role.QUALITY_OFFICER))
                .hasMessageContaining("error.membership.exists");

        users.revoke(first.id());

        Accounts.signIn(userDetails, user.username());
        assertThat(guard.caller().grants()).extracting(g -> g.unitCode()).containsExactly("X-HOALOI");
    }

    @Test
    void within_one_request_the_grants_are_read_once_and_a_revocation_holds_from_the_next_request() {
        Accounts.signIn(userDetails, "admin");
        UserAccount user = users.create(new NewUser(name(), "Thư ký một xã", null, Accounts.DEMO_PASSWORD));
        Membership membership = users.grant(user.id(), unit("X-ANBINH"), Role.QUALITY_OFFICER);
        Accounts.signIn(userDetails, user.username());
        try {
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            List<Grant> read = guard.caller().grants();
            assertThat(read).extracting(Grant::unitCode).containsExactly("X-ANBINH");
            SystemAuthentication.runAsSystem(() -> users.revoke(membership.id()));
            // The same request's later checks reuse what its first check read.
            assertThat(guard.caller().grants()).isSameAs(read);

            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            assertThat(guard.caller().grants()).isEmpty();
            assertThatThrownBy(() -> guard.requireEditor(unit("X-ANBINH"))).isInstanceOf(AccessDeniedException.class);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void oversight_is_granted_only_in_the_science_department() {
        Accounts.signIn(userDetails, "admin");
        UserAccount user = users.create(new NewUser(name(), "Giám sát", null, Accounts.DEMO_PASSWORD));
        assertThatThrownBy(() -> users.grant(user.id(), unit("STP"), Role.OVERSIGHT))
                .hasMessageContaining("error.membership.oversightOnlyInScienceDepartment");
        assertThat(users.grant(user.id(), unit("SKHCN"), Role.OVERSIGHT).role()).isEqualTo(Role.OVERSIGHT);
    }

    @Test
    void a_disabled_user_keeps_no_grants() {
        Accounts.signIn(userDetails, "admin");
        UserAccount user = users.create(new NewUser(name(), "Sẽ nghỉ", null, Accounts.DEMO_PASSWORD));
        users.grant(user.id(), unit("STC"), Role.STAFF);
        UserAccount disabled = users.update(user.id(), user.version(), user.fullName(), null, false);

        assertThat(disabled.enabled()).isFalse();
        Accounts.signIn(userDetails, user.username());
        assertThat(guard.caller().grants()).isEmpty();
    }

    @Test
    void the_unit_head_sees_the_members_of_their_unit_only() {
        Accounts.signIn(userDetails, "lanhdao.stp");
        assertThat(users.membersOf(unit("STP"))).extracting(Membership::username)
                .contains("lanhdao.stp", "thuky.stp", "congchuc.stp");
        assertThatThrownBy(() -> users.membersOf(unit("SNV"))).isInstanceOf(AccessDeniedException.class);

        Accounts.signIn(userDetails, "congchuc.stp");
        assertThatThrownBy(() -> users.membersOf(unit("STP"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staff_cannot_manage_users() {
        Accounts.signIn(userDetails, "congchuc.stp");
        assertThatThrownBy(() -> users.find("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(new NewUser(name(), "X", null, Accounts.DEMO_PASSWORD)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_user_remembers_only_a_unit_they_belong_to() {
        Accounts.signIn(userDetails, "thuky.xa");
        users.rememberOwnUnit(unit("X-PHUHOA"));
        assertThat(users.ownLastUnit()).contains(unit("X-PHUHOA"));
        assertThatThrownBy(() -> users.rememberOwnUnit(unit("STP"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_user_changes_the_own_password_only_with_the_current_one_and_under_the_policy() {
        Accounts.signIn(userDetails, "admin");
        String username = name();
        users.create(new NewUser(username, "Người đổi mật khẩu", null, Accounts.DEMO_PASSWORD));
        Accounts.signIn(userDetails, username);

        assertThatThrownBy(() -> users.changeOwnPassword("không phải mật khẩu", "một câu mới đủ dài và riêng"))
                .hasMessageContaining("error.password.currentWrong");
        assertThatThrownBy(() -> users.changeOwnPassword(Accounts.DEMO_PASSWORD, "ngắn quá"))
                .hasMessageContaining("error.user.passwordTooShort");
        assertThatThrownBy(() -> users.changeOwnPassword(Accounts.DEMO_PASSWORD, Accounts.DEMO_PASSWORD))
                .hasMessageContaining("error.password.sameAsCurrent");
        assertThat(encoder.matches(Accounts.DEMO_PASSWORD, repository.findLogin(username).orElseThrow().passwordHash()))
                .isTrue();

        users.changeOwnPassword(Accounts.DEMO_PASSWORD, "một câu mới đủ dài và riêng");

        assertThat(encoder.matches("một câu mới đủ dài và riêng",
                repository.findLogin(username).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void an_administrators_reset_makes_the_user_change_the_password_and_the_change_clears_it() {
        Accounts.signIn(userDetails, "admin");
        String username = name();
        UserAccount user = users.create(new NewUser(username, "Người được đặt lại", null, Accounts.DEMO_PASSWORD));
        assertThat(user.mustChangePassword()).isFalse();
        assertThatThrownBy(() -> users.resetPassword(user.id(), "12345678"))
                .hasMessageContaining("error.user.passwordTooShort");

        users.resetPassword(user.id(), "quản trị viên đặt tạm");

        assertThat(users.get(user.id()).mustChangePassword()).isTrue();
        assertThat(((EisoPrincipal) userDetails.loadUserByUsername(username)).mustChangePassword()).isTrue();
        Accounts.signIn(userDetails, username);
        assertThat(users.mustChangeOwnPassword()).isTrue();
        users.changeOwnPassword("quản trị viên đặt tạm", "chỉ mình tôi biết câu này");
        assertThat(users.mustChangeOwnPassword()).isFalse();
        assertThat(((EisoPrincipal) userDetails.loadUserByUsername(username)).mustChangePassword()).isFalse();
    }
}
