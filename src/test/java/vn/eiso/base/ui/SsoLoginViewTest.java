package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.TestPropertySource;
import vn.eiso.support.UiTest;

/**
 * The login view with the single sign-on configured (the flow itself: SingleSignOnTest). Its settings make a
 * Spring context of its own, whose Vaadin and security-context state would break the screens of the tests after it
 * in a shared JVM.
 */
@Tag("own-jvm")
@TestPropertySource(properties = {"eiso.sso.enabled=true", "eiso.sso.issuer-uri=http://127.0.0.1:9/none",
        "eiso.sso.client-id=eiso", "eiso.sso.button-label=Đăng nhập qua Cổng dịch vụ công tỉnh"})
class SsoLoginViewTest extends UiTest {

    @Test
    @WithAnonymousUser
    void the_login_view_offers_the_provinces_sign_on_under_its_own_name() {
        LoginView view = navigate(LoginView.class);

        Anchor signOn = find(Anchor.class).withId("login-sso").single();
        assertThat(signOn.getHref()).isEqualTo("oauth2/authorization/sso");
        assertThat(find(Button.class).withText("Đăng nhập qua Cổng dịch vụ công tỉnh").exists()).isTrue();
        assertThat(view.ssoRefusal.isVisible()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void a_refused_sign_on_comes_back_with_the_reason() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("sso-unknown", "")));
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();

        assertThat(view.ssoRefusal.isVisible()).isTrue();
        assertThat(view.ssoRefusal.getText()).contains("không gắn với người dùng eISO nào đang hoạt động");
    }
}
