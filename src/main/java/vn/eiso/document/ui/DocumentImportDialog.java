package vn.eiso.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.DocumentImport;
import vn.eiso.document.DocumentImport.FileReport;
import vn.eiso.document.DocumentImport.Report;

/** Upload a ZIP of existing files (with an optional manifest.csv) and read the verdict on every file. */
class DocumentImportDialog extends Dialog {


    final Grid<FileReport> report = new Grid<>();
    final Span summary = new Span();

    DocumentImportDialog(DocumentImport documentImport, FileLimits limits, UnitId unit, Runnable onImported) {
        setHeaderTitle(getTranslation("docImport.title"));
        setWidth("min(64rem, 100vw)");
        add(new Paragraph(getTranslation("docImport.help")),
                new Pre("file,code,title,type,revision,effective_date\n"
                        + "QT-01.docx,QT-01,Quy trình kiểm soát tài liệu,PROCEDURE,3,15/01/2024"));
        UI ui = UI.getCurrent();
        Upload upload = Uploads.single(limits.maxArchiveBytes(), (name, bytes) -> run(documentImport, unit, bytes,
                onImported));
        upload.setAcceptedFileTypes(".zip", "application/zip");
        report.addColumn(FileReport::fileName).setHeader(getTranslation("docImport.file")).setFlexGrow(2);
        report.addColumn(r -> r.code() == null ? "" : r.code()).setHeader(getTranslation("document.code"))
                .setAutoWidth(true);
        report.addColumn(r -> r.imported() ? getTranslation("docImport.ok")
                : getTranslation(r.errorKey(), r.errorArgs().toArray())).setHeader(getTranslation("import.verdict"))
                .setFlexGrow(3);
        report.setPartNameGenerator(r -> r.imported() ? null : "invalid-line");
        report.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        report.setAllRowsVisible(true);
        report.setVisible(false);
        add(upload, summary, report);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    void run(DocumentImport documentImport, UnitId unit, byte[] zip, Runnable onImported) {
        try {
            Report result = documentImport.importZip(unit, zip);
            report.setItems(result.files());
            report.setVisible(true);
            summary.setText(getTranslation("docImport.summary", result.importedCount(), result.failedCount()));
            onImported.run();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }
}
