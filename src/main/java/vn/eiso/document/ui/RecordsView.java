package vn.eiso.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eiso.base.FileLimits;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.Attachment;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.FiledRecord;
import vn.eiso.document.RecordId;
import vn.eiso.document.Records;
import vn.eiso.document.RevisionWorkflow;

/** The unit's records (hồ sơ): filed against a template in force, never edited, corrected by a new entry. */
@Route("records")
@Menu(order = 4, icon = "vaadin:archive", title = "nav.records")
@PermitAll
class RecordsView extends VerticalLayout implements TitledView, HasUrlParameter<Long> {

    final Grid<FiledRecord> grid = new Grid<>();
    /** The record a {@code records/{id}} address opened, if any. */
    FiledRecord shown;
    private final Records records;
    private final RevisionWorkflow workflow;
    /** The service checks each file against the configured limit; this only keeps the upload itself bounded. */
    private final FileLimits limits;
    private final DocumentRegister register;
    private final ZoneId zone;

    RecordsView(Records records, DocumentRegister register, RevisionWorkflow workflow, FileLimits limits,
            Clock clock) {
        this.workflow = workflow;
        this.limits = limits;
        this.records = records;
        this.register = register;
        this.zone = clock.getZone();
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        UnitId unit = current.get();
        Button file = new Button(getTranslation("records.file"), VaadinIcon.PLUS.create(), e -> openDialog(unit, null));
        file.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(r -> Formats.dateTime(r.filedAt(), zone)).setHeader(getTranslation("records.filedAt"))
                .setAutoWidth(true);
        grid.addColumn(FiledRecord::templateCode).setHeader(getTranslation("records.template")).setAutoWidth(true);
        grid.addColumn(r -> (r.correctsId() == null ? "" : getTranslation("records.correctionMark") + " ") + r.title())
                .setHeader(getTranslation("records.title")).setFlexGrow(3);
        grid.addComponentColumn(r -> {
            Div files = new Div();
            records.attachments(r.id()).forEach(a -> files.add(fileRow(a)));
            return files;
        }).setHeader(getTranslation("revision.files")).setFlexGrow(2);
        grid.addColumn(FiledRecord::filedByName).setHeader(getTranslation("records.filedBy")).setAutoWidth(true);
        grid.addColumn(r -> DocumentBadges.date(r.retainUntil())).setHeader(getTranslation("records.retainUntil"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button correct = new Button(getTranslation("records.correct"), e -> openDialog(unit, r));
            correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return correct;
        }).setAutoWidth(true);
        grid.setItems(q -> records.list(unit, q.getOffset(), q.getLimit()).stream(), q -> records.count(unit));
        grid.setSizeFull();
        add(new Paragraph(getTranslation("records.help")), file, grid);
    }

    /**
     * {@code records/42} opens record 42 (a search hit) whatever unit the list shows: the record as filed, its
     * files, and what it corrects.
     */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id != null) {
            show(records.get(new RecordId(id)));
        }
    }

    void show(FiledRecord r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle((r.correctsId() == null ? "" : getTranslation("records.correctionMark") + " ")
                + r.title());
        dialog.setWidth("min(40rem, 100vw)");
        dialog.add(new Paragraph(getTranslation("records.template") + ": " + r.templateCode()),
                new Paragraph(getTranslation("records.filedAt") + ": " + Formats.dateTime(r.filedAt(), zone) + " · "
                        + getTranslation("records.filedBy") + ": " + r.filedByName()),
                new Paragraph(getTranslation("records.retainUntil") + ": " + Formats.date(r.retainUntil())));
        if (r.text() != null && !r.text().isBlank()) {
            Div text = new Div();
            text.getStyle().set("white-space", "pre-wrap");
            text.setText(r.text());
            dialog.add(text);
        }
        records.attachments(r.id()).forEach(a -> dialog.add(fileRow(a)));
        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
        shown = r;
    }

    private Div fileRow(Attachment file) {
        return FileLinks.row(file, workflow.signatures(file.id()), this::getTranslation, zone);
    }

    void openDialog(UnitId unit, FiledRecord corrected) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(corrected == null ? "records.file" : "records.correct"));
        dialog.setWidth("min(40rem, 100vw)");
        List<DocumentSummary> templates = register.list(new DocumentFilter(unit, null, DocumentType.RECORD_TEMPLATE,
                DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 500);
        templates = new ArrayList<>(templates);
        templates.addAll(register.list(new DocumentFilter(unit, null, DocumentType.FORM, DocumentStatus.EFFECTIVE,
                null, false), DocumentSort.CODE, true, 0, 500));
        ComboBox<DocumentSummary> template = new ComboBox<>(getTranslation("records.template"), templates);
        template.setItemLabelGenerator(d -> d.code() + " · " + d.title());
        TextField title = new TextField(getTranslation("document.title"));
        title.setMaxLength(500);
        TextArea text = new TextArea(getTranslation("records.content"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        UI ui = UI.getCurrent();
        Upload upload = Uploads.limited(limits.maxBytes(), files::put);
        if (corrected != null) {
            templates.stream().filter(t -> t.id().equals(corrected.templateId())).findFirst().ifPresent(template::setValue);
            template.setReadOnly(true);
            title.setValue(corrected.title());
            text.setValue(corrected.text() == null ? "" : corrected.text());
        }
        FormLayout form = new FormLayout(template, title, text, upload);
        form.setColspan(text, 2);
        form.setColspan(upload, 2);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("records.save"), () -> {
            if (template.getValue() == null) {
                throw new DomainException("error.record.notTemplate");
            }
            if (corrected == null) {
                records.file(template.getValue().id(), title.getValue(), text.getValue(), files);
            } else {
                records.correct(corrected.id(), title.getValue(), text.getValue(), files);
            }
        }, getTranslation("records.saved"), () -> grid.getDataProvider().refreshAll());
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.records";
    }
}
