package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.base.ui.Notifications;
import vn.eiso.document.Revision;

/**
 * A sign-off (review or approval): the user re-enters the password; an approval also sets the effective date
 * and, if the approver wants, who is asked to read the revision (by default every member of the unit).
 * The dialog stays open with the reason when the service refuses.
 */
class SignDialog extends Dialog {

    interface Action {
        Revision sign(String password, String comment, LocalDate effectiveOn, Set<UserId> readers);
    }

    /** The key of the one refusal that is about the password. */
    static final String WRONG_PASSWORD = "error.signoff.password";

    final PasswordField password = new PasswordField();
    final TextArea comment = new TextArea();
    final DatePicker effectiveOn = new DatePicker();
    final MultiSelectComboBox<UserId> readers = new MultiSelectComboBox<>();
    final Button sign = new Button();
    final FieldErrors errors = new FieldErrors()
            .on("error.revision.effectiveInPast", effectiveOn)
            .on("error.revision.effectiveBeforeCurrent", effectiveOn)
            .on("error.revision.commentRequired", comment);

    /** {@code members} are the people who may be asked to read the revision; empty for a review. */
    SignDialog(String titleKey, String explanation, Map<UserId, String> members, LocalDate today, Action action,
            Function<Revision, String> doneText, Runnable onSigned) {
        boolean approval = !members.isEmpty();
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
        effectiveOn.setValue(today);
        effectiveOn.setVisible(approval);
        comment.setVisible(!approval);
        readers.setLabel(getTranslation("signoff.readers"));
        readers.setHelperText(getTranslation("signoff.readers.help"));
        readers.setItems(members.keySet());
        readers.setItemLabelGenerator(members::get);
        readers.setVisible(approval);
        FormLayout form = new FormLayout(password, effectiveOn, comment, readers);
        form.setColspan(readers, 2);
        add(new Paragraph(explanation), form, errors.formLine());
        sign.setText(getTranslation(titleKey));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(e -> {
            errors.clear();
            password.setInvalid(false);
            try {
                Revision signed = action.sign(password.getValue(), comment.getValue(), effectiveOn.getValue(),
                        Set.copyOf(readers.getValue()));
                Notifications.success(doneText.apply(signed));
                close();
                onSigned.run();
            } catch (DomainException ex) {
                if (WRONG_PASSWORD.equals(ex.messageKey())) {
                    // Only a wrong password marks the password field.
                    password.clear();
                    password.setErrorMessage(Notifications.text(ex));
                    password.setInvalid(true);
                } else {
                    // Any other refusal is not the password's fault: its reason shows on its field or here.
                    errors.show(ex);
                }
            } catch (AccessDeniedException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), sign);
    }
}
