package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.Role;
import vn.eiso.base.security.SessionGenerations;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Http;

/**
 * Sessions end when rights end (ADR 0020), against a real server with a browser's cookies: the signed-in session
 * of a user whom an administrator disables, whose password is reset or whose membership is removed is ended at its
 * next request, a page's and Vaadin's own alike, while everyone else's goes on; the API refuses the account's
 * password and tokens at once.
 */
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCutoffTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UnitService units;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    SessionGenerations generations;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    /** A new staff member of the Department of Justice, with their own account to lose. */
    private UserAccount newMember() {
        String name = "ph" + UUID.randomUUID().toString().substring(0, 8);
        return SystemAuthentication.runAsSystem(() -> {
            UserAccount user = users.create(new NewUser(name, "Phiên " + name, null, Accounts.DEMO_PASSWORD));
            users.grant(user.id(), units.byCode("STP").id(), Role.STAFF);
            return user;
        });
    }

    /** A browser signed in as the user through the login form. */
    private HttpClient signedIn(UserAccount user) {
        HttpClient browser = Http.browser();
        Http.send(browser, HttpRequest.newBuilder(uri("login")).GET().build());
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Accounts.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = Http.send(browser, HttpRequest.newBuilder(uri("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.headers().firstValue("Location").orElse("?error")).doesNotContain("error");
        assertThat(page(browser).statusCode()).as("signed in, the application's page").isEqualTo(200);
        return browser;
    }

    private HttpResponse<String> page(HttpClient browser) {
        return Http.send(browser, HttpRequest.newBuilder(uri("")).GET().build());
    }

    /** A round trip of Vaadin's client, as a click sends it. */
    private HttpResponse<String> uidl(HttpClient browser) {
        return Http.send(browser, HttpRequest.newBuilder(uri("?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}"))
                .build());
    }

    private void asAdmin(Consumer<UserService> change) {
        SignedIn.as(userDetails.loadUserByUsername("admin"));
        try {
            change.accept(users);
        } finally {
            Accounts.signOut();
        }
    }

    private void disable(UserAccount user) {
        asAdmin(u -> {
            UserAccount now = u.get(user.id());
            u.update(now.id(), now.version(), now.fullName(), now.email(), false);
        });
    }

    private static void assertEnded(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
    }

    private String tokenOf(UserAccount user) {
        SignedIn.as(userDetails.loadUserByUsername(user.username()));
        try {
            return tokens.create("script " + user.username(), Duration.ofDays(30), ApiToken.Scope.READ,
                    Accounts.DEMO_PASSWORD);
        } finally {
            Accounts.signOut();
        }
    }

    private int search(String authorization) {
        return Http.send(Http.browser(), HttpRequest.newBuilder(uri("api/v1/search?q=quy"))
                .header("Authorization", authorization).GET().build()).statusCode();
    }

    private static String basic(UserAccount user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.username() + ":" + Accounts.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void disabling_a_user_ends_their_session_at_the_next_click_and_leaves_everyone_else_working() {
        UserAccount leaving = newMember();
        UserAccount staying = newMember();
        HttpClient leavingBrowser = signedIn(leaving);
        HttpClient stayingBrowser = signedIn(staying);

        disable(leaving);

        assertEnded(page(leavingBrowser));
        HttpResponse<String> again = page(leavingBrowser);
        assertThat(again.statusCode()).as("the session is gone, not only refused once").isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(page(stayingBrowser).statusCode()).isEqualTo(200);
    }

    @Test
    void a_click_in_an_open_screen_gets_vaadins_session_expired_answer_so_the_client_reloads_into_the_login() {
        UserAccount user = newMember();
        HttpClient browser = signedIn(user);

        disable(user);

        HttpResponse<String> click = uidl(browser);
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(click.body()).contains("\"sessionExpired\":true");
    }

    @Test
    void an_administrators_password_reset_ends_the_session_and_revokes_the_tokens() {
        UserAccount user = newMember();
        HttpClient browser = signedIn(user);
        String token = tokenOf(user);
        assertThat(search("Bearer " + token)).isEqualTo(200);

        asAdmin(u -> u.resetPassword(user.id(), Accounts.DEMO_PASSWORD + " mới"));

        assertEnded(page(browser));
        assertThat(search("Bearer " + token)).isEqualTo(401);
    }

    @Test
    void removing_a_membership_ends_the_session() {
        UserAccount user = newMember();
        HttpClient browser = signedIn(user);

        asAdmin(u -> u.membershipsOf(user.id()).stream().map(Membership::id).forEach(u::revoke));

        assertEnded(page(browser));
    }

    @Test
    void a_disabled_users_password_and_tokens_no_longer_open_the_api() {
        UserAccount user = newMember();
        String token = tokenOf(user);
        assertThat(search(basic(user))).isEqualTo(200);
        assertThat(search("Bearer " + token)).isEqualTo(200);

        disable(user);

        assertThat(search(basic(user))).isEqualTo(401);
        assertThat(search("Bearer " + token)).isEqualTo(401);
    }

    /** The price of the check on every screen request: one read of the account's row by its primary key. */
    @Test
    void the_check_per_request_is_one_cheap_read() {
        UserAccount user = newMember();
        for (int i = 0; i < 500; i++) {
            generations.currentOf(user.id());
        }
        int rounds = 5000;
        long start = System.nanoTime();
        OptionalInt last = OptionalInt.empty();
        for (int i = 0; i < rounds; i++) {
            last = generations.currentOf(user.id());
        }
        double micros = (System.nanoTime() - start) / 1000.0 / rounds;
        System.out.printf("session generation check: %.1f µs per request (%d rounds)%n", micros, rounds);
        assertThat(last).hasValue(0);
        assertThat(micros).as("µs per check").isLessThan(2000);
    }
}
