package vn.eiso.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/** The throttle and the forced password change as the login form and the HTTP API answer them. */
class SignInThrottleHttpTest extends ServiceTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;

    private MockMvc mvc;
    private String username;
    private UserAccount account;
    private final String address = "192.0.2." + (int) (Math.random() * 250);

    @BeforeEach
    void anAccountOfItsOwn() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        username = "tt" + UUID.randomUUID().toString().substring(0, 8);
        account = SystemAuthentication.runAsSystem(() -> users.create(new NewUser(username, "Thử hãm đăng nhập", null,
                Accounts.DEMO_PASSWORD)));
    }

    private MockHttpServletResponse api(String password) throws Exception {
        return mvc.perform(get("/api/v1/search").param("q", "quy trình").with(httpBasic(username, password))
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn().getResponse();
    }

    @Test
    void the_api_answers_429_with_retry_after_once_the_name_is_throttled_at_that_address() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api("sai mật khẩu rồi").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = api(Accounts.DEMO_PASSWORD);

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
        assertThat(throttled.getContentAsString()).contains("error.signIn.throttled");
    }

    @Test
    void the_login_form_goes_back_to_the_login_page_saying_how_long_to_wait() throws Exception {
        MockHttpServletResponse response = null;
        for (int i = 0; i < 6; i++) {
            response = mvc.perform(post("/login").session(new MockHttpSession()).param("username", username)
                    .param("password", "sai mật khẩu rồi").with(csrf()).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    })).andReturn().getResponse();
        }
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error&wait=1");
    }

    @Test
    void after_an_administrators_reset_the_api_refuses_until_the_password_is_changed() throws Exception {
        Accounts.signIn(userDetails, "admin");
        users.resetPassword(account.id(), "tạm thời do quản trị đặt");
        Accounts.signOut();

        MockHttpServletResponse refused = api("tạm thời do quản trị đặt");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("error.password.changeRequired");

        Accounts.signIn(userDetails, username);
        users.changeOwnPassword("tạm thời do quản trị đặt", "mật khẩu mới chỉ tôi biết");
        Accounts.signOut();
        assertThat(api("mật khẩu mới chỉ tôi biết").getStatus()).isEqualTo(200);
    }
}
