package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import vn.eiso.base.security.SessionCutoffFilter;
import vn.eiso.support.UiTest;

/**
 * The login page says why the user is back when the security filter ended their session (ADR 0020), or when the
 * session the browser named was gone (ADR 0023).
 */
class SessionEndedLoginTest extends UiTest {

    private static final String ENDED = "Phiên làm việc của bạn đã kết thúc vì quyền truy cập của bạn đã thay đổi";

    @Test
    @WithAnonymousUser
    void a_page_request_sent_to_login_ended_gets_the_reason() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of(SessionCutoffFilter.ENDED_PARAMETER, "")));
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();

        assertThat(view.ended.isVisible()).isTrue();
        assertThat(view.ended.getText()).startsWith(ENDED);
    }

    @Test
    @WithAnonymousUser
    void after_a_click_in_an_ended_session_the_mark_in_the_new_session_gives_the_reason_once() {
        // Vaadin's client reloads the page after the session-expired answer; the filter left the mark behind.
        VaadinSession.getCurrent().getSession().setAttribute(SessionCutoffFilter.ENDED, Boolean.TRUE);

        LoginView view = navigate(LoginView.class);

        assertThat(view.ended.isVisible()).isTrue();
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(SessionCutoffFilter.ENDED)).isNull();
        assertThat(navigate(LoginView.class).ended.isVisible()).as("the next visit").isFalse();
    }

    @Test
    @WithAnonymousUser
    void when_the_session_the_browser_named_was_gone_the_login_says_so_and_that_nothing_saved_is_lost() {
        // The filter's mark after the browser's session timed out, or its node stopped (ADR 0023).
        VaadinSession.getCurrent().getSession().setAttribute(SessionCutoffFilter.LOST, Boolean.TRUE);

        LoginView view = navigate(LoginView.class);

        assertThat(view.ended.isVisible()).isTrue();
        assertThat(view.ended.getText()).startsWith("Phiên làm việc trước của bạn đã kết thúc")
                .contains("Những gì bạn đã lưu vẫn còn nguyên");
        assertThat(navigate(LoginView.class).ended.isVisible()).as("the next visit").isFalse();
    }

    @Test
    @WithAnonymousUser
    void an_ordinary_visit_says_nothing_about_it() {
        assertThat(navigate(LoginView.class).ended.isVisible()).isFalse();
    }
}
