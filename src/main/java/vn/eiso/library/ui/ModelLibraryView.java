package vn.eiso.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DiffDialog;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.library.Adoption;
import vn.eiso.library.Comparison;
import vn.eiso.library.Model;
import vn.eiso.library.ModelLibrary;
import vn.eiso.library.ModelRevision;

/**
 * The province's model procedures and forms: the department publishes and revises them; a unit adopts one as a
 * draft in its register and compares its procedure with the current model.
 */
@Route(ModelLibrary.ROUTE)
@Menu(order = 9.4, icon = "vaadin:book", title = "nav.modelLibrary")
@PermitAll
class ModelLibraryView extends VerticalLayout implements TitledView, HasUrlParameter<Long> {

    final Grid<Model> grid = new Grid<>();
    final Div details = new Div();
    private final ModelLibrary library;
    private final ZoneId zone;
    private final boolean publisher;
    private final UnitId unit;
    private List<Adoption> adopted = List.of();

    ModelLibraryView(ModelLibrary library, DocumentRegister register, Clock clock) {
        this.library = library;
        this.zone = clock.getZone();
        this.publisher = library.canPublish();
        Optional<UnitId> current = CurrentUnit.get().filter(register::canEdit);
        this.unit = current.orElse(null);
        addClassName("list-view");
        setSizeFull();
        add(new Paragraph(getTranslation("library.help")));
        if (publisher) {
            Button publish = new Button(getTranslation("library.publish"), VaadinIcon.PLUS.create(),
                    e -> openPublish());
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setId("model-publish");
            add(publish);
        }
        grid.addColumn(Model::code).setHeader(getTranslation("library.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Model::title).setHeader(getTranslation("library.title")).setFlexGrow(3);
        grid.addColumn(m -> getTranslation("docType." + m.type())).setHeader(getTranslation("library.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> getTranslation("library.revisionOn", m.currentRevision(),
                Formats.dateTime(m.revisedAt(), zone))).setHeader(getTranslation("library.revision"))
                .setAutoWidth(true).setFlexGrow(0);
        if (publisher) {
            grid.addColumn(Model::adopters).setHeader(getTranslation("library.adopters")).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        if (unit != null) {
            grid.addComponentColumn(this::adoptionBadge).setHeader(getTranslation("library.inMyUnit"))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("library.none"));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        details.addClassName("model-details");
        details.setWidthFull();
        add(grid, details);
        refresh();
    }

    void refresh() {
        if (unit != null) {
            adopted = library.adoptionsIn(unit);
        }
        Long selected = grid.asSingleSelect().getValue() == null ? null : grid.asSingleSelect().getValue().id();
        List<Model> models = library.models();
        grid.setItems(models);
        models.stream().filter(m -> selected != null && m.id() == selected).findFirst().ifPresent(grid::select);
    }

    /** {@code model-library/42} opens model 42 (a search hit). */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id != null) {
            grid.getListDataView().getItems().filter(m -> m.id() == id).findFirst().ifPresent(grid::select);
        }
    }

    private Optional<Adoption> adoptionOf(Model model) {
        return adopted.stream().filter(a -> a.modelId() == model.id()).findFirst();
    }

    private Component adoptionBadge(Model model) {
        return adoptionOf(model).map(a -> Badges.of(getTranslation(a.isBehind() ? "library.behind" : "library.adopted",
                        a.documentCode(), a.adoptedRevision()), a.isBehind() ? "badge error" : "badge success"))
                .orElseGet(() -> Badges.of(getTranslation("library.notAdopted"), "badge contrast"));
    }

    private void show(Model model) {
        details.removeAll();
        if (model == null) {
            return;
        }
        List<ModelRevision> revisions = library.revisions(model.id());
        details.add(new H3(model.code() + " · " + model.title()));
        HorizontalLayout actions = new HorizontalLayout();
        if (publisher) {
            Button revise = new Button(getTranslation("library.revise"), VaadinIcon.EDIT.create(),
                    e -> openRevise(model, revisions.getFirst()));
            revise.setId("model-revise");
            actions.add(revise);
        }
        if (unit != null) {
            Optional<Adoption> adoption = adoptionOf(model);
            if (adoption.isEmpty()) {
                Button adopt = new Button(getTranslation("library.adopt"), VaadinIcon.DOWNLOAD.create(),
                        e -> openAdopt(model));
                adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                adopt.setId("model-adopt");
                actions.add(adopt);
            } else {
                Button compare = new Button(getTranslation("library.compare"), VaadinIcon.SPLIT.create(),
                        e -> openCompare(adoption.get()));
                compare.setId("model-compare");
                actions.add(compare, new Anchor("document/" + adoption.get().documentId().value(),
                        getTranslation("library.openDocument", adoption.get().documentCode())));
            }
        }
        details.add(actions, new H4(getTranslation("library.currentText", model.currentRevision())));
        Pre text = new Pre(revisions.getFirst().text());
        text.addClassName("model-text");
        details.add(text, new H4(getTranslation("library.history")));
        UnorderedList history = new UnorderedList();
        revisions.forEach(r -> history.add(new ListItem(getTranslation("library.revisionOn", r.number(),
                Formats.dateTime(r.publishedAt(), zone)) + " · " + r.publishedBy()
                + (r.changeSummary() == null ? "" : " · " + r.changeSummary()))));
        details.add(history);
        if (publisher) {
            details.add(new H4(getTranslation("library.adopters")));
            UnorderedList adopters = new UnorderedList();
            library.adopters(model.id()).forEach(a -> {
                String code = a.documentCode() == null ? getTranslation("library.draft") : a.documentCode();
                adopters.add(new ListItem(a.unitName() + " · " + getTranslation(a.isBehind() ? "library.behind"
                        : "library.adopted", code, a.adoptedRevision())));
            });
            details.add(adopters);
        }
    }

    void openPublish() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.publish"));
        dialog.setWidth("min(56rem, 100vw)");
        TextField code = new TextField(getTranslation("library.code"));
        code.setId("model-code");
        code.setMaxLength(64);
        TextField title = new TextField(getTranslation("library.title"));
        title.setId("model-title");
        title.setMaxLength(500);
        ComboBox<DocumentType> type = new ComboBox<>(getTranslation("library.type"));
        type.setItems(DocumentType.PROCEDURE, DocumentType.FORM);
        type.setItemLabelGenerator(t -> getTranslation("docType." + t));
        type.setValue(DocumentType.PROCEDURE);
        TextField clauses = new TextField(getTranslation("library.clauses"));
        clauses.setPlaceholder("7.5, 8.5");
        TextArea text = new TextArea(getTranslation("library.text"));
        text.setId("model-text");
        text.setMinHeight("16rem");
        FormLayout form = new FormLayout(code, type, title, clauses, text);
        form.setColspan(title, 2);
        form.setColspan(text, 2);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("library.publish"), () -> library.publish(code.getValue(),
                title.getValue(), type.getValue(), clauses.getValue(), text.getValue()),
                getTranslation("library.published"), this::refresh).setId("model-publish-save");
        dialog.open();
    }

    void openRevise(Model model, ModelRevision current) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.reviseTitle", model.code(), model.currentRevision() + 1));
        dialog.setWidth("min(56rem, 100vw)");
        TextArea text = new TextArea(getTranslation("library.text"));
        text.setId("model-revise-text");
        text.setValue(current.text());
        text.setWidthFull();
        text.setMinHeight("16rem");
        TextField summary = new TextField(getTranslation("library.summary"));
        summary.setId("model-revise-summary");
        summary.setWidthFull();
        summary.setMaxLength(2000);
        dialog.add(new VerticalLayout(summary, text));
        Dialogs.footer(dialog, getTranslation("library.revise"), () -> library.revise(model.id(), model.version(),
                text.getValue(), summary.getValue()), getTranslation("library.revised"), this::refresh)
                .setId("model-revise-save");
        dialog.open();
    }

    void openAdopt(Model model) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.adoptTitle", model.code()));
        dialog.setWidth("min(36rem, 100vw)");
        TextField code = new TextField(getTranslation("library.documentCode"));
        code.setId("model-adopt-code");
        code.setValue(model.code());
        code.setMaxLength(64);
        code.setHelperText(getTranslation("library.documentCode.help"));
        dialog.add(code);
        Dialogs.footer(dialog, getTranslation("library.adopt"), () -> library.adopt(model.id(), unit,
                code.getValue()), getTranslation("library.adoptedNotice"), this::refresh).setId("model-adopt-save");
        dialog.open();
    }

    void openCompare(Adoption adoption) {
        Comparison comparison = library.compare(adoption.id());
        new DiffDialog(getTranslation("library.compareTitle", adoption.documentCode(), adoption.modelCode()),
                getTranslation("library.compareModel", adoption.modelCode(), adoption.modelRevision()),
                getTranslation("library.compareUnit", adoption.documentCode(), comparison.documentRevision()),
                comparison.rows()).open();
    }

    @Override
    public String titleKey() {
        return "nav.modelLibrary";
    }
}
