package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.organisation.UserService;

/** "Change password" in the user menu. */
@Component
class PasswordMenu implements ShellContribution {

    private final UserService users;

    PasswordMenu(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<UserMenuEntry> userMenu() {
        return Optional.of(new UserMenuEntry("password.menu", () -> dialog().open()));
    }

    PasswordDialog dialog() {
        return new PasswordDialog();
    }

    final class PasswordDialog extends Dialog {

        final PasswordChangeForm form;

        PasswordDialog() {
            setHeaderTitle(getTranslation("password.title"));
            setWidth("min(28rem, 100vw)");
            form = new PasswordChangeForm(users, this::close);
            add(form);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()));
        }
    }
}
