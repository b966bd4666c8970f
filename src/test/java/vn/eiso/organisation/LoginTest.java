package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.support.Accounts;
import vn.eiso.support.TestClock;

/** The real authentication manager of the login form, with its events. */
@SpringBootTest
class LoginTest {

    @Autowired
    AuthenticationConfiguration authConfig;
    @Autowired
    UserService users;
    @Autowired
    AuditTrail trail;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TestClock clock;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private void login(String username, String password) throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private String newUser() {
        Accounts.signIn(userDetails, "admin");
        String username = "l" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Người thử đăng nhập", null, "dung-mat-khau"));
        Accounts.signOut();
        return username;
    }

    @Test
    void a_correct_password_signs_in_and_is_recorded() throws Exception {
        String username = newUser();
        login(username, "dung-mat-khau");

        Accounts.signIn(userDetails, "admin");
        assertThat(trail.find(new AuditFilter(username, "LOGIN", null, null), 0, 10)).hasSize(1);
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_one() throws Exception {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(username, "sai")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(username, "dung-mat-khau")).isInstanceOf(LockedException.class);

        Accounts.signIn(userDetails, "admin");
        assertThat(trail.find(new AuditFilter(username, "LOGIN_FAILED", null, null), 0, 10)).hasSize(6);
        UserAccount account = users.find(username).getFirst();
        assertThat(account.locked()).isTrue();

        users.unlock(account.id());
        Accounts.signOut();
        login(username, "dung-mat-khau");
    }

    @Test
    void a_lock_out_ends_by_itself_after_fifteen_minutes() throws Exception {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(username, "sai")).isInstanceOf(BadCredentialsException.class);
        }
        try (var later = clock.moveBy(Duration.ofMinutes(14))) {
            Accounts.signIn(userDetails, "admin");
            assertThat(users.find(username).getFirst().locked()).isTrue();
            Accounts.signOut();
        }
        try (var later = clock.moveBy(Duration.ofMinutes(16))) {
            login(username, "dung-mat-khau");
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_user_fail_alike() {
        String username = newUser();
        assertThatThrownBy(() -> login(username, "sai")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("khong-ton-tai", "sai")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_success_clears_the_count_of_failures() throws Exception {
        String username = newUser();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(username, "sai")).isInstanceOf(BadCredentialsException.class);
        }
        login(username, "dung-mat-khau");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(username, "sai")).isInstanceOf(BadCredentialsException.class);
        }
        login(username, "dung-mat-khau");
    }
}
