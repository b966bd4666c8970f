package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Notifications;

/**
 * A sign-off (review or approval): the user re-enters the password; an approval also sets the effective date.
 * The dialog stays open with the reason when the service refuses.
 */
class SignDialog extends Dialog {

    interface Action {
        void sign(String password, String comment, LocalDate effectiveOn);
    }

    final PasswordField password = new PasswordField();
    final TextArea comment = new TextArea();
    final DatePicker effectiveOn = new DatePicker();
    final Button sign = new Button();

    SignDialog(String titleKey, String explanation, boolean approval, Action action, Runnable onSigned) {
        setHeaderTitle(getTranslation(titleKey));
        setWidth("min(32rem, 100vw)");
        password.setId("sign-password");
        sign.setId("sign-confirm");
        password.setLabel(getTranslation("signoff.password"));
        password.setRequiredIndicatorVisible(true);
        comment.setLabel(getTranslation("signoff.comment"));
        comment.setMaxLength(2000);
        effectiveOn.setLabel(getTranslation("signoff.effectiveOn"));
        DatePickers.localise(effectiveOn);
        effectiveOn.setValue(LocalDate.now());
        effectiveOn.setVisible(approval);
        comment.setVisible(!approval);
        add(new Paragraph(explanation), new FormLayout(password, effectiveOn, comment));
        sign.setText(getTranslation(titleKey));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(e -> {
            try {
                action.sign(password.getValue(), comment.getValue(), effectiveOn.getValue());
                Notifications.success(getTranslation("signoff.done"));
                close();
                onSigned.run();
            } catch (DomainException ex) {
                password.clear();
                Notifications.error(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), sign);
    }
}
