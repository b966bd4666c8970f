package vn.eiso.announcement.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.DecisionTemplate;
import vn.eiso.base.ui.Dialogs;

/** The science department edits the province's decision template; placeholders are explained beside it. */
class TemplateDialog extends Dialog {

    final TextField place = new TextField();
    final TextField title = new TextField();
    final TextArea body = new TextArea();
    final TextArea recipients = new TextArea();

    TemplateDialog(Announcements announcements) {
        DecisionTemplate template = announcements.template();
        setHeaderTitle(getTranslation("template.edit"));
        setWidth("min(60rem, 100vw)");
        place.setLabel(getTranslation("template.place"));
        place.setValue(template.place());
        title.setLabel(getTranslation("template.title"));
        title.setValue(template.title());
        title.setWidthFull();
        body.setLabel(getTranslation("template.body"));
        body.setValue(template.body());
        body.setWidthFull();
        body.setHelperText(getTranslation("template.body.help"));
        recipients.setLabel(getTranslation("template.recipients"));
        recipients.setValue(template.recipients());
        recipients.setWidthFull();
        VerticalLayout form = new VerticalLayout(new Paragraph(getTranslation("template.help")), place, title, body,
                recipients);
        form.setPadding(false);
        add(form);
        Dialogs.footer(this, getTranslation("common.save"), () -> announcements.saveTemplate(new DecisionTemplate(
                place.getValue(), title.getValue(), body.getValue(), recipients.getValue(), template.version())),
                getTranslation("template.saved"), () -> { });
    }
}
