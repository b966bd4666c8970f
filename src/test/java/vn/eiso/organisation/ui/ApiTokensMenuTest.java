package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.support.UiTest;

class ApiTokensMenuTest extends UiTest {

    @Autowired
    ApiTokensMenu menu;
    @Autowired
    ApiTokens tokens;

    @Test
    @WithUserDetails("danhgia")
    void a_user_creates_a_token_sees_it_once_and_revokes_it_after_confirming() {
        navigate("", com.vaadin.flow.component.Component.class);
        ApiTokensMenu.TokensDialog dialog = menu.dialog();
        dialog.open();
        roundTrip();

        test(dialog.label).setValue("   ");
        test(find(com.vaadin.flow.component.button.Button.class).withId("api-token-create").single()).click();
        assertThat(notifications()).contains("Tên gợi nhớ không được để trống và tối đa 100 ký tự.");
        assertThat(tokens.mine()).isEmpty();

        test(dialog.label).setValue("Báo cáo tự động");
        test(find(com.vaadin.flow.component.button.Button.class).withId("api-token-create").single()).click();
        assertThat(dialog.created.getValue()).startsWith("eiso_").hasSizeGreaterThan(40);
        assertThat(tokens.mine()).extracting(ApiToken::label).containsExactly("Báo cáo tự động");
        assertThat(tokens.verify(dialog.created.getValue())).isPresent();

        String token = dialog.created.getValue();
        test((com.vaadin.flow.component.button.Button) test(dialog.grid).getCellComponent(0, 3)).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(tokens.mine()).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }
}
