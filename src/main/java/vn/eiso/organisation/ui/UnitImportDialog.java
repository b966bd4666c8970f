package vn.eiso.organisation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.Uploads;
import vn.eiso.organisation.UnitImport;
import vn.eiso.organisation.UnitImport.LineReport;
import vn.eiso.organisation.UnitImport.Report;

/**
 * Upload a CSV or XLSX file of units, read the verdict on every line, then import all (only when every line is
 * valid) or, after confirming, only the valid lines.
 */
class UnitImportDialog extends Dialog {

    final Grid<LineReport> report = new Grid<>();
    final Span summary = new Span();
    final Span ignoredColumns = new Span();
    final Button importAll = new Button();
    final Button importValid = new Button();
    private String fileName;
    private byte[] content;

    UnitImportDialog(UnitImport unitImport, Runnable onImported) {
        setHeaderTitle(getTranslation("import.title"));
        setWidth("min(60rem, 100vw)");
        add(new Paragraph(getTranslation("import.help")),
                new Pre("code,name,type,parent_code\nX-TANLAP,Ủy ban nhân dân xã Tân Lập,COMMUNE,HOAAN"));

        UI ui = UI.getCurrent();
        Upload upload = new Upload(Uploads.bounded(ui, UnitImport.MAX_BYTES, (name, bytes) -> check(unitImport,
                name, bytes)));
        upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(UnitImport.MAX_BYTES);
        upload.setMaxFiles(1);
        Uploads.localise(upload);
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("error.import.rejected",
                UnitImport.MAX_BYTES / 1024)));
        ignoredColumns.setVisible(false);
        add(upload, summary, ignoredColumns);

        report.addColumn(LineReport::line).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        report.addColumn(LineReport::code).setHeader(getTranslation("unit.code")).setAutoWidth(true);
        report.addColumn(LineReport::name).setHeader(getTranslation("unit.name")).setFlexGrow(2);
        report.addColumn(l -> l.valid() ? getTranslation("import.ok")
                : getTranslation(l.errorKey(), l.errorArgs().toArray())).setHeader(getTranslation("import.verdict"))
                .setFlexGrow(2);
        report.setPartNameGenerator(l -> l.valid() ? null : "invalid-line");
        report.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        report.setVisible(false);
        report.setAllRowsVisible(true);
        add(report);

        importAll.setText(getTranslation("import.all"));
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.setEnabled(false);
        importAll.addClickListener(e -> run(unitImport, false, onImported));
        importValid.setText(getTranslation("import.validOnly"));
        importValid.setVisible(false);
        importValid.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("import.validOnly"),
                    getTranslation("import.validOnly.confirm"), getTranslation("import.validOnly"),
                    ev -> run(unitImport, true, onImported));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.open();
        });
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), importValid, importAll);
    }

    /** Checks the uploaded file and shows the verdict per line; nothing is written yet. */
    void check(UnitImport unitImport, String name, byte[] bytes) {
        try {
            Report checked = unitImport.check(name, bytes);
            fileName = name;
            content = bytes;
            show(checked);
            importAll.setEnabled(checked.invalidCount() == 0);
            importValid.setVisible(checked.invalidCount() > 0 && checked.validCount() > 0);
        } catch (DomainException e) {
            fileName = null;
            content = null;
            report.setVisible(false);
            ignoredColumns.setVisible(false);
            importAll.setEnabled(false);
            importValid.setVisible(false);
            summary.setText("");
            Notifications.error(e);
        }
    }

    private void run(UnitImport unitImport, boolean onlyValid, Runnable onImported) {
        try {
            Report result = unitImport.importUnits(fileName, content, onlyValid);
            show(result);
            importAll.setEnabled(false);
            importValid.setVisible(false);
            if (result.imported() > 0) {
                Notifications.success(getTranslation("import.done", result.imported()));
                onImported.run();
            } else {
                Notifications.error(getTranslation("import.nothing"));
            }
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void show(Report result) {
        report.setItems(result.lines());
        report.setVisible(true);
        summary.setText(getTranslation("import.summary", result.validCount(), result.invalidCount()));
        ignoredColumns.setText(getTranslation("import.ignoredColumns", String.join(", ", result.ignoredColumns())));
        ignoredColumns.setVisible(!result.ignoredColumns().isEmpty());
    }
}
