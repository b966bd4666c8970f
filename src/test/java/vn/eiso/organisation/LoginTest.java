package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SignInThrottledException;
import vn.eiso.support.Accounts;
import vn.eiso.support.TestClock;

/** The real authentication manager of the login form and HTTP Basic, with its throttle and events. */
@SpringBootTest
class LoginTest {

    private static final String PASSWORD = "đúng mật khẩu của tôi";

    @Autowired
    AuthenticationConfiguration authConfig;
    @Autowired
    UserService users;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    AuditTrail trail;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private Authentication login(String username, String password, String address) throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return manager.authenticate(attempt);
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> login(username, "sai mật khẩu rồi", address))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private String newUser() {
        Accounts.signIn(userDetails, "admin");
        String username = "l" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Người thử đăng nhập", null, PASSWORD));
        Accounts.signOut();
        return username;
    }

    private static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250);
    }

    @Test
    void a_correct_password_signs_in_and_is_recorded() throws Exception {
        String username = newUser();
        login(username, PASSWORD, address());

        Accounts.signIn(userDetails, "admin");
        assertThat(trail.find(new AuditFilter(username, "LOGIN", null, null), 0, 10)).hasSize(1);
    }

    @Test
    void five_failures_slow_that_name_at_that_address_down_but_the_user_elsewhere_signs_in() throws Exception {
        String username = newUser();
        String attacker = address();
        failTimes(5, username, attacker);

        // Even the right password waits at the attacker's address, without being looked at...
        assertThatThrownBy(() -> login(username, PASSWORD, attacker))
                .isInstanceOfSatisfying(SignInThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        // ...while the real user at another address is not held up at all.
        assertThat(login(username, PASSWORD, address()).getPrincipal()).isInstanceOf(EisoPrincipal.class);

        Accounts.signIn(userDetails, "admin");
        assertThat(trail.find(new AuditFilter(username, "LOGIN_FAILED", null, null), 0, 10)).hasSize(5);
        assertThat(trail.find(new AuditFilter(username, "THROTTLED", null, null), 0, 10)).hasSize(1);
        Accounts.signOut();

        // No lock: once the wait is over the attacker's address may try again (and the right password works).
        try (var later = clock.moveBy(Duration.ofSeconds(2))) {
            login(username, PASSWORD, attacker);
        }
    }

    @Test
    void the_wait_doubles_with_each_further_failure_and_refused_attempts_do_not_count() throws Exception {
        String username = newUser();
        String attacker = address();
        failTimes(5, username, attacker);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login(username, "sai mật khẩu rồi", attacker))
                    .isInstanceOf(SignInThrottledException.class);
        }
        try (var later = clock.moveBy(Duration.ofMillis(1001))) {
            failTimes(1, username, attacker);
            assertThatThrownBy(() -> login(username, "sai mật khẩu rồi", attacker))
                    .isInstanceOfSatisfying(SignInThrottledException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));
        }
        try (var later = clock.moveBy(Duration.ofMillis(3002))) {
            failTimes(1, username, attacker);
            assertThatThrownBy(() -> login(username, "sai mật khẩu rồi", attacker))
                    .isInstanceOfSatisfying(SignInThrottledException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(4));
        }
        Accounts.signIn(userDetails, "admin");
        assertThat(throttle.current()).filteredOn(t -> username.equals(t.username()))
                .singleElement().satisfies(t -> assertThat(t.failures()).isEqualTo(7));
    }

    @Test
    void the_administrator_signs_in_from_the_office_while_someone_else_guesses_the_password() throws Exception {
        String attacker = address();
        failTimes(5, "admin", attacker);
        assertThatThrownBy(() -> login("admin", "sai mật khẩu rồi", attacker))
                .isInstanceOf(SignInThrottledException.class);

        assertThat(login("admin", Accounts.DEMO_PASSWORD, address()).getName()).isEqualTo("admin");
    }

    @Test
    void one_address_trying_many_names_is_slowed_down_as_a_whole() throws Exception {
        String attacker = address();
        for (int i = 0; i < 50; i++) {
            failTimes(1, "khong-co-" + i + "-" + UUID.randomUUID(), attacker);
        }
        String username = newUser();
        assertThatThrownBy(() -> login(username, PASSWORD, attacker)).isInstanceOf(SignInThrottledException.class);
        login(username, PASSWORD, address());
    }

    @Test
    void twenty_parallel_wrong_attempts_try_no_more_passwords_than_the_limit() throws Exception {
        String username = newUser();
        String attacker = address();
        int parallel = 20;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<Void> attempt = () -> {
                    start.await();
                    try {
                        login(username, "sai mật khẩu rồi", attacker);
                    } catch (BadCredentialsException e) {
                        wrong.incrementAndGet();
                    } catch (SignInThrottledException e) {
                        throttled.incrementAndGet();
                    }
                    return null;
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            for (Future<?> f : attempts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(wrong.get()).isEqualTo(5);
        assertThat(throttled.get()).isEqualTo(15);
        Accounts.signIn(userDetails, "admin");
        assertThat(throttle.current()).filteredOn(t -> username.equals(t.username()))
                .singleElement().satisfies(t -> assertThat(t.failures()).isEqualTo(5));
    }

    /**
     * An office behind one address signs in at 8 o'clock: each success hands the address its attempt back and may
     * remove the address's row while a colleague's attempt is being counted. No attempt may fail for that.
     */
    @Test
    void colleagues_behind_one_address_signing_in_at_once_are_all_admitted() throws Exception {
        String office = address();
        int colleagues = 6;
        ExecutorService pool = Executors.newFixedThreadPool(colleagues);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < colleagues; c++) {
                String name = "dongnghiep" + c;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        throttle.admit(name, office);
                        throttle.succeeded(name, office);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Accounts.signIn(userDetails, "admin");
        assertThat(throttle.current()).noneMatch(t -> office.equals(t.address()));
    }

    @Test
    void a_success_clears_the_count_of_failures() throws Exception {
        String username = newUser();
        String address = address();
        failTimes(4, username, address);
        login(username, PASSWORD, address);
        failTimes(4, username, address);
        login(username, PASSWORD, address);
    }

    @Test
    void an_unknown_name_a_disabled_account_and_a_wrong_password_all_cost_one_bcrypt_and_fail_alike()
            throws Exception {
        String username = newUser();
        String disabled = newUser();
        Accounts.signIn(userDetails, "admin");
        UserAccount account = users.find(disabled).getFirst();
        users.update(account.id(), account.version(), account.fullName(), null, false);
        Accounts.signOut();

        AtomicInteger comparisons = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                comparisons.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        ThrottledSignIn provider = new ThrottledSignIn(userDetails, counting, throttle, trail);
        for (String name : List.of(username, "khong-ton-tai-" + username, disabled)) {
            comparisons.set(0);
            String password = name.equals(disabled) ? PASSWORD : "sai mật khẩu rồi";
            assertThatThrownBy(() -> provider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(name, password)))
                    .as(name).isInstanceOf(AuthenticationException.class)
                    .isNotInstanceOf(SignInThrottledException.class);
            assertThat(comparisons.get()).as(name).isEqualTo(1);
        }
    }
}
