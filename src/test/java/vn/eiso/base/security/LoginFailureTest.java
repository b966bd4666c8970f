package vn.eiso.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/** The login form's POST through the application's real security filter chain. */
class LoginFailureTest extends ServiceTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;

    private MockMvc mvc;
    private String username;

    @BeforeEach
    void anAccountOfItsOwn() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // Its own account: failed attempts count towards a lock-out, which no demo account should suffer.
        username = "dn" + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.runAsSystem(() -> users.create(new NewUser(username, "Thử đăng nhập", null,
                Accounts.DEMO_PASSWORD)));
    }

    private MockHttpServletResponse signIn(MockHttpSession session, String name, String password) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", name).param("password", password)
                .with(csrf())).andReturn().getResponse();
    }

    @Test
    void a_wrong_password_goes_back_to_the_login_page_keeping_the_name_in_the_session_not_the_address()
            throws Exception {
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse response = signIn(session, username, "sai-mat-khau");

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error").doesNotContain(username);
        assertThat(session.getAttribute(AttemptedName.SESSION_ATTRIBUTE)).isEqualTo(username);
    }

    @Test
    void an_unknown_name_fails_exactly_like_a_wrong_password() throws Exception {
        MockHttpSession wrongPassword = new MockHttpSession();
        MockHttpSession unknown = new MockHttpSession();

        MockHttpServletResponse one = signIn(wrongPassword, username, "sai-mat-khau");
        MockHttpServletResponse other = signIn(unknown, "khong-co-ai-" + username, "sai-mat-khau");

        assertThat(other.getStatus()).isEqualTo(one.getStatus());
        assertThat(other.getRedirectedUrl()).isEqualTo(one.getRedirectedUrl());
        assertThat(unknown.getAttribute(AttemptedName.SESSION_ATTRIBUTE)).isEqualTo("khong-co-ai-" + username);
    }

    @Test
    void the_right_password_still_signs_in() throws Exception {
        MockHttpServletResponse response = signIn(new MockHttpSession(), username, Accounts.DEMO_PASSWORD);

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).doesNotContain("error");
    }
}
