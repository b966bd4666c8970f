package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.FieldErrors;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Notifications;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.organisation.UserService;

/** The register entry of a document: created here, edited by the unit's editors. */
class DocumentDialog extends Dialog {

    final TextField code = new TextField();
    final TextField title = new TextField();
    final Select<DocumentType> type = new Select<>();
    final ComboBox<UserId> owner = new ComboBox<>();
    final TthcPicker tthc;
    final TextField clauses = new TextField();
    final IntegerField reviewMonths = new IntegerField();
    final IntegerField retentionMonths = new IntegerField();
    final TextField issuer = new TextField();
    final TextField externalNumber = new TextField();
    final DatePicker issuedOn = new DatePicker();
    final DatePicker validUntil = new DatePicker();
    final MultiSelectComboBox<DocumentId> references = new MultiSelectComboBox<>();
    final Button save = new Button();

    DocumentDialog(DocumentRegister register, UserService users, TthcCatalogue catalogue, UnitId unit,
            Document existing, Consumer<Document> onSaved) {
        tthc = new TthcPicker(catalogue, unit);
        setHeaderTitle(getTranslation(existing == null ? "documents.add" : "documents.edit"));
        setWidth("min(48rem, 100vw)");
        code.setId("document-code");
        title.setId("document-title");
        type.setId("document-type");
        save.setId("document-save");
        code.setLabel(getTranslation("document.code"));
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(64);
        code.setHelperText(getTranslation("document.code.help"));
        title.setLabel(getTranslation("document.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(500);
        type.setLabel(getTranslation("document.type"));
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> getTranslation("docType." + t));
        type.setRequiredIndicatorVisible(true);
        type.addValueChangeListener(e -> {
            if (e.getValue() != null && code.isEmpty()) {
                code.setValue(e.getValue().codePrefix() + "-");
            }
            showTypeFields(e.getValue());
        });
        Map<UserId, String> members = new LinkedHashMap<>();
        users.membersOf(unit).forEach(m -> members.putIfAbsent(m.userId(), m.fullName()));
        owner.setLabel(getTranslation("document.owner"));
        owner.setItems(members.keySet());
        owner.setItemLabelGenerator(members::get);
        clauses.setLabel(getTranslation("document.clauses"));
        clauses.setHelperText(getTranslation("document.clauses.help"));
        reviewMonths.setLabel(getTranslation("document.reviewMonths"));
        reviewMonths.setMin(1);
        reviewMonths.setMax(120);
        reviewMonths.setStepButtonsVisible(true);
        reviewMonths.setValue(12);
        retentionMonths.setLabel(getTranslation("document.retentionMonths"));
        retentionMonths.setMin(1);
        issuer.setLabel(getTranslation("document.issuer"));
        externalNumber.setLabel(getTranslation("document.externalNumber"));
        externalNumber.setPlaceholder("19/2014/QĐ-TTg");
        issuedOn.setLabel(getTranslation("document.issuedOn"));
        validUntil.setLabel(getTranslation("document.validUntil"));
        DatePickers.localise(issuedOn);
        DatePickers.localise(validUntil);
        List<DocumentSummary> externals = register.externalDocuments(unit);
        Map<DocumentId, String> externalNames = externals.stream().collect(Collectors.toMap(DocumentSummary::id,
                d -> d.code() + " · " + d.title(), (a, b) -> a, LinkedHashMap::new));
        references.setLabel(getTranslation("document.references"));
        references.setItems(externalNames.keySet());
        references.setItemLabelGenerator(externalNames::get);

        FormLayout form = new FormLayout(type, code, title, owner, reviewMonths, retentionMonths, tthc, clauses,
                issuer, externalNumber, issuedOn, validUntil, references);
        form.setColspan(title, 2);
        form.setColspan(references, 2);
        add(form);

        if (existing != null) {
            type.setValue(existing.type());
            type.setReadOnly(true);
            code.setValue(existing.code());
            title.setValue(existing.title());
            owner.setValue(existing.ownerId());
            tthc.cite(existing.tthcCodes());
            clauses.setValue(orEmpty(existing.isoClauses()));
            reviewMonths.setValue(existing.reviewPeriodMonths());
            retentionMonths.setValue(existing.retentionMonths());
            issuer.setValue(orEmpty(existing.issuer()));
            externalNumber.setValue(orEmpty(existing.externalNumber()));
            issuedOn.setValue(existing.issuedOn());
            validUntil.setValue(existing.validUntil());
            references.setValue(existing.references());
        }
        showTypeFields(type.getValue());

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Each refusal on the field it is about, the rest in the dialog's error line: never a toast over the form.
        FieldErrors errors = new FieldErrors().on("error.document.codeTaken", code)
                .on("error.document.codeRequired", code).on("error.document.codeInvalid", code)
                .on("error.document.titleRequired", title).on("error.document.titleTooLong", title)
                .on("error.document.typeRequired", type).on("error.document.typeFixed", type)
                .on("error.document.reviewPeriod", reviewMonths).on("error.document.retention", retentionMonths)
                .on("error.dateRange", validUntil).on("error.document.referenceNotExternal", references)
                .on("error.owner.notMember", owner).on("error.document.tthcInvalid", tthc)
                .on("error.document.tthcUnknown", tthc).on("error.document.tthcAbolished", tthc)
                .on("error.document.tthcTooMany", tthc);
        add(errors.formLine());
        save.addClickListener(e -> {
            errors.clear();
            DocumentData data = new DocumentData(code.getValue(), title.getValue(), type.getValue(),
                    owner.getValue(), tthc.codes(), clauses.getValue(),
                    reviewMonths.getValue() == null ? 0 : reviewMonths.getValue(), retentionMonths.getValue(),
                    issuer.getValue(), externalNumber.getValue(), issuedOn.getValue(), validUntil.getValue(),
                    Set.copyOf(references.getValue()));
            try {
                Document saved = existing == null ? register.create(unit, data)
                        : register.update(existing.id(), existing.version(), data);
                Notifications.success(getTranslation("documents.saved"));
                close();
                onSaved.accept(saved);
            } catch (DomainException ex) {
                errors.show(ex);
            } catch (AccessDeniedException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    private void showTypeFields(DocumentType t) {
        boolean external = t == DocumentType.EXTERNAL;
        issuer.setVisible(external);
        externalNumber.setVisible(external);
        issuedOn.setVisible(external);
        validUntil.setVisible(external);
        references.setVisible(!external);
        retentionMonths.setVisible(t == DocumentType.RECORD_TEMPLATE || t == DocumentType.FORM);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

}
