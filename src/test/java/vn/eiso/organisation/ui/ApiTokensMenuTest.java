package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

class ApiTokensMenuTest extends UiTest {

    @Autowired
    ApiTokensMenu menu;
    @Autowired
    ApiTokens tokens;

    private void clickCreate() {
        test(find(Button.class).withId("api-token-create").single()).click();
    }

    @Test
    @WithUserDetails("danhgia")
    void a_user_creates_a_token_with_the_password_sees_it_once_and_revokes_it_after_confirming() {
        navigate("", Component.class);
        ApiTokensMenu.TokensDialog dialog = menu.dialog();
        dialog.open();
        roundTrip();
        assertThat(dialog.scope.getValue()).isEqualTo(ApiToken.Scope.READ);
        assertThat(dialog.lifetime.getValue()).isEqualTo(Duration.ofDays(90));

        test(dialog.label).setValue("   ");
        test(dialog.password).setValue(Accounts.DEMO_PASSWORD);
        clickCreate();
        assertThat(notifications()).contains("Tên gợi nhớ không được để trống và tối đa 100 ký tự.");
        assertThat(tokens.mine()).isEmpty();

        test(dialog.label).setValue("Báo cáo tự động");
        test(dialog.password).setValue("khong-phai-mat-khau");
        clickCreate();
        assertThat(notifications()).contains("Mật khẩu không đúng; chưa tạo mã nào.");
        assertThat(tokens.mine()).isEmpty();
        assertThat(dialog.created.isVisible()).isFalse();
        assertThat(dialog.password.getValue()).isEmpty();

        dialog.scope.setValue(ApiToken.Scope.IMPORT);
        dialog.lifetime.setValue(Duration.ofDays(30));
        test(dialog.password).setValue(Accounts.DEMO_PASSWORD);
        clickCreate();
        assertThat(dialog.created.getValue()).startsWith("eiso_").hasSizeGreaterThan(40);
        ApiToken made = tokens.mine().getFirst();
        assertThat(made.label()).isEqualTo("Báo cáo tự động");
        assertThat(made.scope()).isEqualTo(ApiToken.Scope.IMPORT);
        assertThat(Duration.between(made.createdAt(), made.expiresAt())).isEqualTo(Duration.ofDays(30));
        assertThat(tokens.verify(dialog.created.getValue())).isPresent();

        String token = dialog.created.getValue();
        test((Button) test(dialog.grid).getCellComponent(0, TokenGrid.REVOKE_COLUMN)).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(tokens.mine()).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }
}
