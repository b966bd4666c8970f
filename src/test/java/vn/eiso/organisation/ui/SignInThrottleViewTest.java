package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.eiso.base.security.SignInThrottledException;
import vn.eiso.base.ui.ForbiddenPage;
import vn.eiso.organisation.SignInThrottleEntry;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

class SignInThrottleViewTest extends UiTest {

    @Autowired
    AuthenticationConfiguration authConfig;

    private void attempt(String username, String password, String address) throws Exception {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        authConfig.getAuthenticationManager().authenticate(token);
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_a_throttled_name_and_lets_it_try_again_after_confirming() throws Exception {
        String address = "198.51.100." + (int) (Math.random() * 250);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt("danhgia", "sai mật khẩu rồi", address))
                    .isNotInstanceOf(SignInThrottledException.class);
        }
        assertThatThrownBy(() -> attempt("danhgia", Accounts.DEMO_PASSWORD, address))
                .isInstanceOf(SignInThrottledException.class);

        SignInThrottleView view = navigate(SignInThrottleView.class);
        SignInThrottleEntry entry = view.grid.getGenericDataView().getItems()
                .filter(t -> address.equals(t.address())).findFirst().orElseThrow();
        assertThat(entry.username()).isEqualTo("danhgia");
        assertThat(entry.kind()).isEqualTo(SignInThrottleEntry.Kind.ACCOUNT);
        assertThat(entry.failures()).isEqualTo(5);
        assertThat(entry.blockedUntil()).isNotNull();
        assertThat(view.empty.isVisible()).isFalse();

        int row = view.grid.getGenericDataView().getItems().toList().indexOf(entry);
        test((Button) test(view.grid).getCellComponent(row, 6)).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notifications()).contains("Đã gỡ hãm đăng nhập");
        assertThat(view.grid.getGenericDataView().getItems()).noneMatch(t -> address.equals(t.address()));
        attempt("danhgia", Accounts.DEMO_PASSWORD, address);
    }

    @Test
    @WithUserDetails("danhgia")
    void only_an_administrator_opens_the_view() {
        navigate("admin/sign-in", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ForbiddenPage.class);
    }
}
