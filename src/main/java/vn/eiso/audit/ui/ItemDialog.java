package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.EvidenceFile;
import vn.eiso.audit.ItemResult;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.Uploads;

/** Records the result of one checklist item with its evidence; stays open with the reason when refused. */
class ItemDialog extends Dialog {

    final Select<ItemResult> result = new Select<>();
    final TextArea evidence = new TextArea();
    final Button save;

    final Map<String, byte[]> files = new LinkedHashMap<>();

    ItemDialog(AuditWork work, AuditItem item, String label, List<EvidenceFile> attached, Runnable saved) {
        setHeaderTitle(label);
        setWidth("min(40rem, 100vw)");
        result.setId("item-result");
        result.setLabel(getTranslation("audit.result"));
        result.setItems(ItemResult.values());
        result.setItemLabelGenerator(r -> r == null ? getTranslation("itemResult.none")
                : getTranslation("itemResult." + r));
        result.setEmptySelectionAllowed(true);
        result.setEmptySelectionCaption(getTranslation("itemResult.none"));
        result.setValue(item.result());
        evidence.setId("item-evidence");
        evidence.setLabel(getTranslation("audit.evidence"));
        evidence.setWidthFull();
        evidence.setHelperText(getTranslation("audit.evidence.help"));
        evidence.setValue(item.evidence() == null ? "" : item.evidence());
        Upload upload = Uploads.limited(work.maxFileBytes(), files::put);
        upload.setId("item-upload");
        VerticalLayout layout = new VerticalLayout(result, evidence);
        if (!attached.isEmpty()) {
            layout.add(new Span(getTranslation("audit.files")));
            for (EvidenceFile file : attached) {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(work, file, saved));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("audit.file.remove", file.fileName()));
                layout.add(new HorizontalLayout(new Span(file.fileName()), remove));
            }
        }
        layout.add(new Span(getTranslation("audit.files.add")), upload);
        add(layout);
        save = Dialogs.footer(this, getTranslation("common.save"),
                () -> {
                    try {
                        work.record(item.id(), item.version(), evidence.getValue(), result.getValue(), files);
                    } catch (DomainException e) {
                        // A refused file must not block every later save: drop the uploads, keep what was typed.
                        files.clear();
                        upload.clearFileList();
                        throw e;
                    }
                },
                getTranslation("audit.recorded"), saved, new FieldErrors()
                        .on("error.audit.evidenceRequired", evidence).on("error.tooLong", evidence));
        save.setId("item-save");
    }

    private void confirmRemove(AuditWork work, EvidenceFile file, Runnable removed) {
        Dialogs.confirmDestructive(getTranslation("audit.file.remove", file.fileName()),
                getTranslation("audit.file.remove.confirm", file.fileName()), getTranslation("common.delete"), () -> {
                    Notifications.attempt(() -> work.removeEvidence(file.id()), "audit.file.removed");
                    close();
                    removed.run();
                });
    }
}
