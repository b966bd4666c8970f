package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditWork;

/** The lead auditor signs the report with the password, told first what signing freezes and opens. */
class AuditSignDialog extends Dialog {

    final PasswordField password = new PasswordField();
    final Button sign;

    AuditSignDialog(AuditWork work, Audit audit, long findings, Runnable signed) {
        setHeaderTitle(getTranslation("audit.sign"));
        password.setId("sign-password");
        password.setLabel(getTranslation("signoff.password"));
        password.setWidthFull();
        add(new Paragraph(getTranslation("audit.sign.confirm", findings)), password);
        sign = Dialogs.footer(this, getTranslation("audit.sign"),
                () -> work.signOff(audit.id(), audit.version(), password.getValue()),
                getTranslation("audit.signedDone", findings), signed,
                new FieldErrors().on("error.signoff.password", password));
        sign.setId("audit-sign-confirm");
    }
}
