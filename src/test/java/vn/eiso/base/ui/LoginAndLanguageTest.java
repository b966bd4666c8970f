package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.support.UiTest;

class LoginAndLanguageTest extends UiTest {


    @Test
    @WithAnonymousUser
    void the_login_page_speaks_vietnamese_by_default() {
        LoginView view = navigate(LoginView.class);

        assertThat(view.i18n.getForm().getTitle()).isEqualTo("Đăng nhập");
        assertThat(view.i18n.getForm().getUsername()).isEqualTo("Tên đăng nhập");
        assertThat(find(LoginForm.class).single().isError()).isFalse();
        // One message for a wrong name and a wrong password: nothing to probe accounts with.
        assertThat(view.i18n.getErrorMessage().getMessage()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(view.getPageTitle()).isEqualTo("Đăng nhập · eISO");
    }

    @Test
    @WithAnonymousUser
    void after_a_failed_sign_in_the_name_typed_is_filled_in_again_with_the_same_generic_message() {
        // What the security filter keeps after a failure (see LoginFailureTest): the name, in the HTTP session.
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .setAttribute(vn.eiso.base.security.AttemptedName.SESSION_ATTRIBUTE, "congchuc.stp");

        // Where the filter sends a failure: /login?error.
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();

        assertThat(find(LoginForm.class).single().isError()).isTrue();
        assertThat(view.attemptedName()).isEqualTo("congchuc.stp");
        assertThat(view.i18n.getErrorMessage().getMessage()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        // Read once: a later visit to the login page starts empty.
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .getAttribute(vn.eiso.base.security.AttemptedName.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    @WithAnonymousUser
    void without_a_failure_nothing_is_filled_in() {
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .setAttribute(vn.eiso.base.security.AttemptedName.SESSION_ATTRIBUTE, "congchuc.stp");

        LoginView view = navigate(LoginView.class);

        assertThat(find(LoginForm.class).single().isError()).isFalse();
        assertThat(view.attemptedName()).isNull();
    }

    @Test
    @WithUserDetails("thuky.xa")
    void switching_to_english_is_kept_for_the_next_login_and_the_menu_reads_in_english() {
        navigate("", Component.class);
        LanguageSwitch language = find(LanguageSwitch.class).single();
        test(language).selectItem("English");

        assertThat(((EisoPrincipal) userDetails.loadUserByUsername("thuky.xa")).locale()).isEqualTo("en");

        // The browser reloads the page after the switch; a new UI starts in the session's language.
        UI.getCurrent().setLocale(Messages.ENGLISH);
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Overview");
    }

    @Test
    @WithAnonymousUser
    void a_throttled_sign_in_is_told_how_long_to_wait() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("error", "", vn.eiso.base.security.AttemptedName.WAIT_PARAMETER, "8")));
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();
        assertThat(find(LoginForm.class).single().isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getMessage()).isEqualTo(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 8 giây.");

        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("error", "", vn.eiso.base.security.AttemptedName.WAIT_PARAMETER, "900")));
        view = (LoginView) UI.getCurrent().getCurrentView();
        assertThat(view.i18n.getErrorMessage().getMessage()).isEqualTo(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    }
}
