package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.organisation.SigningPins;

/**
 * "Signing PIN" in the user menu: set or replace the PIN that signs instead of the password (ADR 18). The password
 * is asked for unless the user has just signed in through the single sign-on.
 */
@Component
class SigningPinMenu implements ShellContribution {

    private final SigningPins pins;

    SigningPinMenu(SigningPins pins) {
        this.pins = pins;
    }

    @Override
    public Optional<UserMenuEntry> userMenu() {
        return Optional.of(new UserMenuEntry("signingPin.menu", () -> new PinDialog().open()));
    }

    final class PinDialog extends Dialog {

        final PasswordField password = new PasswordField();
        final PasswordField pin = new PasswordField();
        final PasswordField repeat = new PasswordField();
        final Button save = new Button();

        PinDialog() {
            setHeaderTitle(getTranslation("signingPin.title"));
            setWidth("min(32rem, 100vw)");
            boolean needsPassword = pins.needsPassword();
            password.setLabel(getTranslation("signingPin.password"));
            password.setVisible(needsPassword);
            pin.setLabel(getTranslation("signingPin.pin"));
            pin.setHelperText(getTranslation("error.signingPin.format", 6, 12));
            pin.setAllowedCharPattern("[0-9]");
            repeat.setLabel(getTranslation("signingPin.repeat"));
            repeat.setAllowedCharPattern("[0-9]");
            String help = getTranslation(pins.hasOwnPin() ? "signingPin.help.replace" : "signingPin.help");
            add(new Paragraph(needsPassword ? help : help + " " + getTranslation("signingPin.freshSso")),
                    new FormLayout(password, pin, repeat));
            save.setText(getTranslation("signingPin.save"));
            save.setId("signing-pin-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        }

        void save() {
            repeat.setInvalid(false);
            if (!pin.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("error.signingPin.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            try {
                pins.setOwnPin(password.getValue(), pin.getValue());
                Notifications.success(getTranslation("signingPin.saved"));
                close();
            } catch (DomainException e) {
                password.clear();
                Notifications.error(e);
            }
        }
    }

    /** For tests: the dialog the menu entry opens. */
    PinDialog dialog() {
        return new PinDialog();
    }
}
