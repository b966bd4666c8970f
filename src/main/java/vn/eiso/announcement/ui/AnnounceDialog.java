package vn.eiso.announcement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Decision;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.FieldErrors;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** The head fills in number, date and signer, can preview the decision, and issues it. */
class AnnounceDialog extends Dialog {

    final TextField number = new TextField();
    final DatePicker decidedOn = new DatePicker();
    final TextField signerName = new TextField();
    final TextField signerTitle = new TextField();
    final Button issue;
    final Button preview = new Button();
    final FieldErrors errors = new FieldErrors();

    AnnounceDialog(Announcements announcements, UnitId unit, LocalDate today, String signer, Runnable after) {
        setHeaderTitle(getTranslation("announcement.issue"));
        setWidth("min(40rem, 100vw)");
        add(new Paragraph(getTranslation("announcement.issue.help")));
        number.setLabel(getTranslation("announcement.number"));
        number.setId("announce-number");
        number.setPlaceholder("15/QĐ-STP");
        number.setMaxLength(64);
        number.setRequired(true);
        decidedOn.setLabel(getTranslation("announcement.date"));
        DatePickers.localise(decidedOn);
        decidedOn.setValue(today);
        decidedOn.setMax(today);
        signerName.setLabel(getTranslation("announcement.signerName"));
        signerName.setId("announce-signer");
        signerName.setValue(signer);
        signerTitle.setLabel(getTranslation("announcement.signerTitle"));
        signerTitle.setId("announce-title");
        signerTitle.setValue(getTranslation("announcement.signerTitle.default"));
        FormLayout form = new FormLayout(number, decidedOn, signerName, signerTitle);
        add(form);
        errors.on("error.announcement.numberRequired", number).on("error.announcement.numberFormat", number)
                .on("error.announcement.numberTaken", number).on("error.tooLong", number)
                .on("error.announcement.dateRequired", decidedOn).on("error.announcement.dateFuture", decidedOn)
                .on("error.announcement.signerRequired", signerName)
                .on("error.announcement.signerTitleRequired", signerTitle);
        // The preview is made (and checked) on the click, so a missing number shows on its field instead of
        // failing inside the download; the file is then handed over by a hidden link.
        Anchor download = new Anchor();
        download.getElement().setAttribute("download", true);
        download.setVisible(false);
        preview.setText(getTranslation("announcement.preview"));
        preview.setId("announce-preview");
        preview.addClickListener(e -> {
            errors.clear();
            try {
                byte[] pdf = announcements.preview(unit, decision());
                download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pdf), "du-thao-quyet-dinh.pdf", "application/pdf", pdf.length)));
                download.setVisible(true);
                download.getElement().executeJs("this.click()");
            } catch (DomainException ex) {
                errors.show(ex);
            }
        });
        add(preview, download);
        issue = Dialogs.footer(this, getTranslation("announcement.issue.confirm"),
                () -> announcements.announce(unit, decision()), getTranslation("announcement.issued"), after, errors);
        issue.setId("announce-issue");
    }

    private Decision decision() {
        return new Decision(number.getValue(), decidedOn.getValue(), signerName.getValue(), signerTitle.getValue());
    }
}
