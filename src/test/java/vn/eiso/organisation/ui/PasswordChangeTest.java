package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.Role;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

class PasswordChangeTest extends UiTest {

    @Autowired
    UserService users;
    @Autowired
    PasswordMenu menu;

    private String userWithResetPassword(String resetTo) {
        String username = "dm" + UUID.randomUUID().toString().substring(0, 8);
        as("admin", () -> {
            UserAccount user = users.create(new NewUser(username, "Người được đặt lại", null, Accounts.DEMO_PASSWORD));
            // The same unit and role as the test's session user, whose unit the session has already chosen.
            users.grant(user.id(), unit("SNV"), Role.INTERNAL_AUDITOR);
            users.resetPassword(user.id(), resetTo);
            return user;
        });
        return username;
    }

    @Test
    @WithUserDetails("danhgia")
    void after_a_reset_every_screen_leads_to_the_password_change_until_it_is_done() {
        String username = userWithResetPassword("quản trị đặt tạm thời");
        EisoPrincipal principal = Accounts.signIn(userDetails, username);
        assertThat(principal.mustChangePassword()).isTrue();

        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        test(view.form.current).setValue("quản trị đặt tạm thời");
        test(view.form.newPassword).setValue("giờ chỉ mình tôi biết");
        test(view.form.repeat).setValue("giờ chỉ mình tôi biết");
        test(view.form.change).click();

        assertThat(notifications()).contains("Đã đổi mật khẩu");
        assertThat(getCurrentView()).isNotInstanceOf(ChangePasswordView.class);
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ChangePasswordView.class);
    }

    @Test
    @WithUserDetails("danhgia")
    void a_user_without_a_reset_is_not_sent_to_the_change() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ChangePasswordView.class);
    }

    @Test
    @WithUserDetails("danhgia")
    void the_user_menu_changes_the_password_only_with_the_current_one_and_a_matching_repeat() {
        String username = "dm" + UUID.randomUUID().toString().substring(0, 8);
        as("admin", () -> users.create(new NewUser(username, "Người tự đổi", null, Accounts.DEMO_PASSWORD)));
        Accounts.signIn(userDetails, username);
        navigate("", com.vaadin.flow.component.Component.class);
        PasswordMenu.PasswordDialog dialog = menu.dialog();
        dialog.open();
        roundTrip();

        test(dialog.form.current).setValue("không phải mật khẩu");
        test(dialog.form.newPassword).setValue("một câu mới thật dài");
        test(dialog.form.repeat).setValue("một câu mới thật dài");
        test(dialog.form.change).click();
        assertThat(notifications()).contains("Mật khẩu hiện tại không đúng");

        test(dialog.form.current).setValue(Accounts.DEMO_PASSWORD);
        test(dialog.form.repeat).setValue("một câu khác hẳn");
        test(dialog.form.change).click();
        assertThat(notifications()).contains("Hai lần nhập mật khẩu mới không khớp nhau");

        test(dialog.form.repeat).setValue("một câu mới thật dài");
        test(dialog.form.change).click();
        assertThat(notifications()).contains("Đã đổi mật khẩu");
        assertThat(dialog.isOpened()).isFalse();
    }
}
