package vn.eiso.catalogue.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.util.stream.Collectors;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.Uploads;
import vn.eiso.catalogue.CatalogueChange;
import vn.eiso.catalogue.CataloguePreview;
import vn.eiso.catalogue.TthcCatalogue;

/**
 * Upload the portal's export, read what it would add, amend and abolish (and why a line cannot be taken), then
 * apply it after confirming. Nothing is written before.
 */
class CatalogueImportDialog extends Dialog {

    final Span summary = new Span();
    final Grid<CatalogueChange> changes = new Grid<>();
    final Grid<CataloguePreview.LineError> errors = new Grid<>();
    final Button apply = new Button();
    private final TthcCatalogue catalogue;
    private final Runnable onApplied;
    private CataloguePreview preview;
    private byte[] content;

    CatalogueImportDialog(TthcCatalogue catalogue, Runnable onApplied) {
        this.catalogue = catalogue;
        this.onApplied = onApplied;
        setHeaderTitle(getTranslation("catalogue.import"));
        setWidth("min(72rem, 100vw)");
        add(new Paragraph(getTranslation("catalogue.import.help")));
        Upload upload = new Upload(Uploads.bounded(UI.getCurrent(), TthcCatalogue.MAX_BYTES, this::check));
        upload.setId("catalogue-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        Uploads.localise(upload);
        summary.setId("catalogue-summary");

        changes.addComponentColumn(c -> Badges.of(getTranslation("catalogueChange." + c.kind()), switch (c.kind()) {
            case ADDED -> "badge success";
            case AMENDED -> "badge";
            case ABOLISHED -> "badge error";
        })).setHeader(getTranslation("catalogue.change")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(CatalogueChange::code).setHeader(getTranslation("catalogue.code")).setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(CatalogueChange::name).setHeader(getTranslation("catalogue.name")).setFlexGrow(3);
        changes.addColumn(this::what).setHeader(getTranslation("catalogue.what")).setFlexGrow(3);
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.setId("catalogue-changes");
        errors.addColumn(CataloguePreview.LineError::line).setHeader(getTranslation("import.line")).setAutoWidth(true)
                .setFlexGrow(0);
        errors.addColumn(CataloguePreview.LineError::code).setHeader(getTranslation("catalogue.code"))
                .setAutoWidth(true);
        errors.addColumn(e -> getTranslation(e.messageKey(), e.args().toArray()))
                .setHeader(getTranslation("import.verdict")).setFlexGrow(3);
        errors.addThemeVariants(GridVariant.LUMO_COMPACT);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);
        changes.setVisible(false);

        apply.setText(getTranslation("catalogue.apply"));
        apply.setId("catalogue-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> confirm());
        add(upload, summary, errors, changes);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), apply);
    }

    void check(String fileName, byte[] bytes) {
        try {
            preview = catalogue.preview(fileName, bytes);
            content = bytes;
        } catch (DomainException e) {
            preview = null;
            Notifications.error(e);
        }
        show();
    }

    private void show() {
        boolean any = preview != null;
        changes.setVisible(any && !preview.changes().isEmpty());
        errors.setVisible(any && !preview.errors().isEmpty());
        apply.setEnabled(any && preview.canApply());
        if (!any) {
            summary.setText("");
            return;
        }
        changes.setItems(preview.changes());
        errors.setItems(preview.errors());
        summary.setText(getTranslation(preview.errors().isEmpty() ? "catalogue.summary" : "catalogue.summary.errors",
                preview.lines(), preview.count(CatalogueChange.Kind.ADDED),
                preview.count(CatalogueChange.Kind.AMENDED), preview.count(CatalogueChange.Kind.ABOLISHED),
                preview.errors().size()));
    }

    /** "Tên: cũ → mới; Cấp: …" for an amendment; the agency for an addition or abolition. */
    private String what(CatalogueChange c) {
        if (c.kind() != CatalogueChange.Kind.AMENDED) {
            return c.agency();
        }
        if (c.changed().isEmpty()) {
            return getTranslation("catalogue.restored");
        }
        return c.changed().stream().map(f -> getTranslation("catalogueField." + f) + ": " + switch (f) {
            case NAME -> c.before().name() + " → " + c.name();
            case LEVEL -> getTranslation("tthcLevel." + c.before().level()) + " → "
                    + getTranslation("tthcLevel." + c.level());
            case AGENCY -> c.before().agency() + " → " + c.agency();
            case FIELD -> c.before().field() + " → " + c.field();
            case DECIDING_ACT -> orDash(c.before().decidingAct()) + " → " + orDash(c.decidingAct());
        }).collect(Collectors.joining("; "));
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private void confirm() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("catalogue.apply.title"));
        dialog.setText(getTranslation("catalogue.apply.text", preview.baseVersion() + 1,
                preview.count(CatalogueChange.Kind.ADDED), preview.count(CatalogueChange.Kind.AMENDED),
                preview.count(CatalogueChange.Kind.ABOLISHED)));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmText(getTranslation("catalogue.apply"));
        dialog.addConfirmListener(e -> {
            try {
                catalogue.apply(preview.fileName(), content, preview.baseVersion());
                Notifications.success(getTranslation("catalogue.applied", preview.baseVersion() + 1));
                onApplied.run();
                close();
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation("catalogue.changedMeanwhile"));
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        dialog.open();
    }
}
