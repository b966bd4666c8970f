package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.upload.Upload;
import java.nio.file.Path;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;

/**
 * Upload a ZIP of existing files (with an optional manifest.csv or manifest.xlsx). The archive is streamed to disk
 * and handed to a job; the job's page shows the progress and every verdict, and stays reachable after the
 * dialog is closed.
 */
class DocumentImportDialog extends Dialog {

    final Upload upload;

    DocumentImportDialog(ImportJobs imports, FileLimits limits, UnitId unit) {
        setHeaderTitle(getTranslation("docImport.title"));
        setWidth("min(64rem, 100vw)");
        add(new Paragraph(getTranslation("docImport.help", FileLimits.megabytes(limits.maxArchiveBytes()),
                        limits.maxImportEntries(), FileLimits.megabytes(limits.maxBytes()))),
                new Paragraph(getTranslation("docImport.example")), example());
        upload = Uploads.singleFile(limits.maxArchiveBytes(), (name, file) -> start(imports, unit, name, file));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".zip", "application/zip");
        add(upload);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    /**
     * A manifest as a spreadsheet saves it. In the interface's font, not a monospace one: common monospace fonts
     * lack Vietnamese letters such as „ồ“ and fall back to a loose accent; wrapped, so a phone does not scroll.
     */
    private static Pre example() {
        Pre example = new Pre("file,code,title,type,revision,effective_date\n"
                + "QT-01.docx,QT-01,\"Quy trình kiểm soát tài liệu, hồ sơ\",PROCEDURE,3,15/01/2024");
        example.getStyle().set("font-family", "var(--lumo-font-family)").set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere").set("margin-top", "0");
        return example;
    }

    void start(ImportJobs imports, UnitId unit, String name, Path file) {
        try {
            ImportJob job = imports.start(unit, file, name, ImportJob.Channel.SCREEN);
            // Closing detaches the dialog from the UI, so the UI is taken first: otherwise the user would stay on
            // the register and never see the job's page.
            getUI().ifPresent(ui -> {
                close();
                ui.navigate(ImportJobView.class, job.id().value());
            });
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }
}
