package vn.eiso.inspection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.inspection.Finding;
import vn.eiso.inspection.Inspection;
import vn.eiso.inspection.Inspections;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;

/**
 * The science department's inspections: plan one for a unit, record findings during the visit (each opens a
 * nonconformity in that unit), close it with a conclusion.
 */
@Route("inspections")
@Menu(order = 9.7, icon = "vaadin:clipboard-user", title = "nav.inspections")
@RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.OVERSIGHT})
class InspectionsView extends VerticalLayout implements TitledView {

    final Grid<Inspection> grid = new Grid<>();
    final Div details = new Div();
    private final Inspections inspections;
    private final UnitService units;
    private final LocalDate today;

    InspectionsView(Inspections inspections, UnitService units, Clock clock) {
        this.inspections = inspections;
        this.units = units;
        this.today = LocalDate.now(clock);
        add(new Paragraph(getTranslation("inspections.help")));
        Button plan = new Button(getTranslation("inspections.plan"), VaadinIcon.PLUS.create(), e -> openPlan());
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        plan.setId("inspection-plan");
        grid.addColumn(i -> Formats.date(i.plannedOn())).setHeader(getTranslation("inspection.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Inspection::unitName).setHeader(getTranslation("inspection.unit")).setFlexGrow(2);
        grid.addColumn(Inspection::purpose).setHeader(getTranslation("inspection.purpose")).setFlexGrow(3);
        grid.addColumn(Inspection::findings).setHeader(getTranslation("inspection.findings")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> Badges.of(getTranslation("inspectionStatus." + i.status()),
                i.status() == Inspection.Status.DONE ? "badge success" : "badge"))
                .setHeader(getTranslation("inspection.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("inspections.none"));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        details.addClassName("inspection-details");
        add(plan, grid, details);
        refresh();
    }

    void refresh() {
        grid.setItems(inspections.all());
    }

    void openPlan() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("inspections.plan"));
        dialog.setWidth("min(40rem, 100vw)");
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("inspection.unit"));
        unit.setId("inspection-unit");
        unit.setItems(units.all().stream().filter(Unit::isActive).toList());
        unit.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        DatePicker on = new DatePicker(getTranslation("inspection.date"));
        DatePickers.localise(on);
        on.setValue(today.plusDays(14));
        TextArea purpose = new TextArea(getTranslation("inspection.purpose"));
        purpose.setId("inspection-purpose");
        purpose.setMaxLength(1000);
        TextField inspectors = new TextField(getTranslation("inspection.inspectors"));
        inspectors.setMaxLength(1000);
        FormLayout form = new FormLayout(unit, on, purpose, inspectors);
        form.setColspan(unit, 2);
        form.setColspan(purpose, 2);
        form.setColspan(inspectors, 2);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("inspections.plan"), () -> inspections.plan(
                unit.getValue() == null ? null : unit.getValue().id(), on.getValue(), purpose.getValue(),
                inspectors.getValue()), getTranslation("inspections.planned"), this::refresh)
                .setId("inspection-plan-save");
        dialog.open();
    }

    private void show(Inspection inspection) {
        details.removeAll();
        if (inspection == null) {
            return;
        }
        details.add(new H3(Formats.date(inspection.plannedOn()) + " · " + inspection.unitName()));
        if (inspection.inspectors() != null) {
            details.add(new Paragraph(getTranslation("inspection.inspectors") + ": " + inspection.inspectors()));
        }
        UnorderedList list = new UnorderedList();
        for (Finding f : inspections.findings(inspection.id())) {
            list.add(new ListItem(new Anchor("nonconformity/" + f.nonconformity().value(),
                    f.nonconformity().label()), new Text(" · " + f.description())));
        }
        details.add(list);
        if (inspection.status() == Inspection.Status.DONE) {
            details.add(new Paragraph(getTranslation("inspection.conclusion") + ": " + inspection.conclusion()));
            return;
        }
        details.add(findingForm(inspection), closeForm(inspection));
    }

    private Component findingForm(Inspection inspection) {
        TextArea description = new TextArea(getTranslation("inspection.finding"));
        description.setId("inspection-finding");
        description.setWidthFull();
        description.setMaxLength(4000);
        TextField clause = new TextField(getTranslation("inspection.clause"));
        clause.setMaxLength(8);
        clause.setPlaceholder("8.5");
        Button add = new Button(getTranslation("inspection.addFinding"), e -> attempt(() -> {
            var nc = inspections.addFinding(inspection.id(), description.getValue(), clause.getValue());
            return getTranslation("inspection.findingAdded", nc.label());
        }, inspection.id()));
        add.setId("inspection-finding-add");
        return new VerticalLayout(description, clause, add);
    }

    private Component closeForm(Inspection inspection) {
        TextArea conclusion = new TextArea(getTranslation("inspection.conclusion"));
        conclusion.setWidthFull();
        conclusion.setMaxLength(4000);
        Button close = new Button(getTranslation("inspection.close"), e -> attempt(() -> {
            inspections.close(inspection.id(), inspection.version(), conclusion.getValue());
            return getTranslation("inspection.closed");
        }, inspection.id()));
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new VerticalLayout(conclusion, close);
    }

    /** Runs an action on the selected inspection, says how it went, and shows the inspection again. */
    private void attempt(Supplier<String> action, long id) {
        try {
            Notifications.success(action.get());
        } catch (DomainException ex) {
            Notifications.error(ex);
            return;
        }
        refresh();
        grid.getListDataView().getItems().filter(i -> i.id() == id).findFirst().ifPresent(grid::select);
    }

    @Override
    public String titleKey() {
        return "nav.inspections";
    }
}
