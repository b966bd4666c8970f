package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.organisation.UserAccount;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

/** The administrator's list of a user's API tokens in the user dialog: label, scope, dates, revoke. */
class UserTokensSectionTest extends UiTest {

    @Autowired
    ApiTokens tokens;

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_a_users_token_and_revokes_it_after_confirming() {
        String token = as("lanhdao.xa", () -> tokens.create("Đồng bộ cổng dịch vụ công", Duration.ofDays(180),
                ApiToken.Scope.READ, Accounts.DEMO_PASSWORD));
        UsersView view = navigate(UsersView.class);
        UserAccount owner = view.grid.getGenericDataView().getItems()
                .filter(u -> u.username().equals("lanhdao.xa")).findFirst().orElseThrow();
        view.open(owner);
        UserDialog dialog = find(UserDialog.class).last();

        TokenGrid grid = dialog.tokenSection.grid;
        assertThat(grid.isVisible()).isTrue();
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Đồng bộ cổng dịch vụ công");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Chỉ đọc (tra cứu, xem)");
        assertThat(test(grid).getCellText(0, 4)).isEmpty(); // never used yet

        test((Button) test(grid).getCellComponent(0, TokenGrid.REVOKE_COLUMN)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).last();
        test(confirm).cancel();
        assertThat(tokens.verify(token)).isPresent();

        test((Button) test(grid).getCellComponent(0, TokenGrid.REVOKE_COLUMN)).click();
        test(find(ConfirmDialog.class).last()).confirm();
        assertThat(notifications()).contains("Đã thu hồi mã.");
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(dialog.tokenSection.none.isVisible()).isTrue();
        assertThat(grid.isVisible()).isFalse();
    }
}
