package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.Role;
import vn.eiso.organisation.UserAccount;
import vn.eiso.support.UiTest;

class UsersViewTest extends UiTest {

    @Test
    @WithUserDetails("admin")
    void the_administrator_creates_a_user_then_grants_a_role_in_a_unit() {
        UsersView view = navigate(UsersView.class);
        String username = "nv" + UUID.randomUUID().toString().substring(0, 6);

        test(find(Button.class).withText("Thêm người dùng").single()).click();
        UserDialog create = find(UserDialog.class).last();
        test(create.username).setValue(username);
        test(create.fullName).setValue("Nguyễn Thị Hoa");
        test(create.password).setValue("mật khẩu mới của Hoa");
        test(create.save).click();

        assertThat(notifications()).contains("Đã tạo người dùng");
        UserAccount created = view.grid.getGenericDataView().getItems()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();

        view.open(created);
        UserDialog edit = find(UserDialog.class).last();
        edit.unit.setValue(edit.unit.getListDataView().getItems().filter(u -> u.code().equals("STC"))
                .findFirst().orElseThrow());
        edit.role.setValue(Role.QUALITY_OFFICER);
        test(edit.grant).click();

        assertThat(edit.memberships.getGenericDataView().getItems())
                .anyMatch(m -> m.unitCode().equals("STC") && m.role() == Role.QUALITY_OFFICER);
    }

    @Test
    @WithUserDetails("admin")
    void a_short_password_is_refused_and_no_user_is_added() {
        UsersView view = navigate(UsersView.class);
        long before = view.grid.getGenericDataView().getItems().count();

        test(find(Button.class).withText("Thêm người dùng").single()).click();
        UserDialog create = find(UserDialog.class).last();
        test(create.username).setValue("ngan" + UUID.randomUUID().toString().substring(0, 4));
        test(create.fullName).setValue("Mật khẩu ngắn");
        test(create.password).setValue("123");
        test(create.save).click();

        assertThat(create.isOpened()).isTrue();
        assertThat(notifications()).contains("Mật khẩu phải có ít nhất 12 ký tự");
        view.refresh();
        assertThat(view.grid.getGenericDataView().getItems().count()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void the_search_narrows_the_list_by_name() {
        UsersView view = navigate(UsersView.class);
        test(view.search).setValue("Thu Hà");
        assertThat(view.grid.getGenericDataView().getItems()).extracting(UserAccount::username)
                .containsExactly("sokhcn");
    }
}
