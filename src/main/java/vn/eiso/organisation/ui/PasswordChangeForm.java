package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.UserService;

/** The own password: the current one, the new one twice. Shared by the user menu's dialog and the forced change. */
class PasswordChangeForm extends VerticalLayout {

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button change = new Button();

    PasswordChangeForm(UserService users, Runnable onChanged) {
        setPadding(false);
        current.setLabel(getTranslation("password.current"));
        newPassword.setLabel(getTranslation("password.new"));
        newPassword.setHelperText(getTranslation("password.rules"));
        repeat.setLabel(getTranslation("password.repeat"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        change.setText(getTranslation("password.change"));
        change.setId("password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!newPassword.getValue().equals(repeat.getValue())) {
                Notifications.error(getTranslation("error.password.repeatMismatch"));
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), newPassword.getValue());
            } catch (DomainException ex) {
                Notifications.error(ex);
                return;
            }
            sessionNoLongerMustChange();
            current.clear();
            newPassword.clear();
            repeat.clear();
            Notifications.success(getTranslation("password.changed"));
            onChanged.run();
        });
        FormLayout fields = new FormLayout(current, newPassword, repeat);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(fields, change);
    }

    /** The principal of the open session was made at sign-in; it must no longer send the user to the change. */
    private static void sessionNoLongerMustChange() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EisoPrincipal principal && principal.mustChangePassword()) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    principal.withPasswordChanged(), null, auth.getAuthorities()));
        }
    }
}
