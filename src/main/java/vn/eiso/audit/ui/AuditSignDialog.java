package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditWork;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Notifications;

/** The lead auditor signs the report with the password, told first what signing freezes and opens. */
class AuditSignDialog extends Dialog {

    final PasswordField password = new PasswordField();
    final Button sign = new Button();

    AuditSignDialog(AuditWork work, Audit audit, long findings, Runnable signed) {
        setHeaderTitle(getTranslation("audit.sign"));
        password.setId("sign-password");
        password.setLabel(getTranslation("signoff.password"));
        password.setWidthFull();
        add(new Paragraph(getTranslation("audit.sign.confirm", findings)), password);
        sign.setId("audit-sign-confirm");
        sign.setText(getTranslation("audit.sign"));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(e -> {
            try {
                work.signOff(audit.id(), audit.version(), password.getValue());
                Notifications.success(getTranslation("audit.signedDone", findings));
                close();
                signed.run();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), sign);
    }
}
