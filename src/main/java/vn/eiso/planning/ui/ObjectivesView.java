package vn.eiso.planning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;
import vn.eiso.planning.Measurement;
import vn.eiso.planning.Objective;
import vn.eiso.planning.ObjectiveData;
import vn.eiso.planning.ObjectiveId;
import vn.eiso.planning.Objectives;

/** Quality objectives with their latest result; choosing one shows its measurements plotted against the target. */
@Route("objectives")
@Menu(order = 8, icon = "vaadin:bullseye", title = "nav.objectives")
@PermitAll
class ObjectivesView extends VerticalLayout implements TitledView, HasUrlParameter<Long> {

    final Grid<Objective> grid = new Grid<>();
    private final Objectives objectives;
    private final UserService users;
    private final Clock clock;
    private final Div detail = new Div();
    private UnitId unit;
    /** Whether the caller sets this unit's objectives; read again when a search hit opens another unit's. */
    private boolean manager;
    private Button add;

    private final TthcCatalogue catalogue;

    ObjectivesView(Objectives objectives, UserService users, Clock clock, TthcCatalogue catalogue) {
        this.catalogue = catalogue;
        this.objectives = objectives;
        this.users = users;
        this.clock = clock;
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        unit = current.get();
        manager = objectives.canManage(unit);
        grid.addColumn(Objective::title).setHeader(getTranslation("objective.title")).setFlexGrow(3);
        grid.addColumn(o -> target(o)).setHeader(getTranslation("objective.target")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("frequency." + o.frequency())).setHeader(getTranslation("objective.frequency"))
                .setAutoWidth(true);
        grid.addColumn(Objective::ownerName).setHeader(getTranslation("objective.owner")).setAutoWidth(true);
        grid.addComponentColumn(this::latest).setHeader(getTranslation("objective.latest")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            HorizontalLayout buttons = new HorizontalLayout();
            Button measure = new Button(getTranslation("objective.measure"), e -> openMeasure(o));
            measure.setId("objective-measure-" + o.id().value());
            if (o.isBound()) {
                measure.setEnabled(false);
                measure.setTooltipText(getTranslation("objective.boundTip"));
            }
            measure.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            buttons.add(measure);
            if (manager) {
                Button edit = new Button(getTranslation("common.edit"), e -> openEdit(o));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                buttons.add(edit);
            }
            return buttons;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        grid.setAllRowsVisible(true);
        add(new Paragraph(getTranslation("objectives.help")));
        add = new Button(getTranslation("objectives.add"), VaadinIcon.PLUS.create(), e -> openEdit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(manager);
        add(add);
        detail.setWidthFull();
        add(grid, detail);
        refresh();
    }

    /**
     * {@code objectives/42} opens objective 42 (a search hit), in its own unit's list: the science department
     * reads every unit's objectives but works in its own.
     */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id == null || unit == null) {
            return;
        }
        Objective wanted = objectives.get(new ObjectiveId(id));
        if (!wanted.unitId().equals(unit)) {
            unit = wanted.unitId();
            manager = objectives.canManage(unit);
            add.setVisible(manager);
            refresh();
        }
        grid.select(wanted);
    }

    private void refresh() {
        grid.setItems(objectives.ofUnit(unit));
        detail.removeAll();
    }

    private String target(Objective o) {
        return getTranslation("direction." + o.direction()) + " " + number(o.target())
                + (o.measureUnit() == null ? "" : " " + o.measureUnit());
    }

    /** 95,5 in Vietnamese, 95.5 in English. */
    private String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    private Component latest(Objective o) {
        if (o.latest() == null) {
            return Badges.of(getTranslation("objective.notMeasured"), "badge contrast");
        }
        String text = number(o.latest()) + " · " + Formats.date(o.latestOn());
        return Badges.of(text, o.latestMet() ? "badge success" : "badge error");
    }

    private void showDetail(Objective o) {
        detail.removeAll();
        if (o == null) {
            return;
        }
        List<Measurement> measurements = objectives.measurements(o.id());
        detail.add(new H3(o.title()), new Paragraph(getTranslation("objective.indicator") + ": " + o.indicator()));
        if (measurements.isEmpty()) {
            detail.add(new Paragraph(getTranslation("objective.noMeasurements")));
            return;
        }
        detail.add(new Html("<div class=\"objective-chart\">" + ObjectiveChart.svg(o, measurements) + "</div>"));
        Grid<Measurement> list = new Grid<>();
        list.addColumn(m -> Formats.date(m.measuredOn())).setHeader(getTranslation("objective.measuredOn"))
                .setAutoWidth(true);
        list.addColumn(m -> number(m.value())).setHeader(getTranslation("objective.value"))
                .setAutoWidth(true);
        list.addColumn(m -> m.note() == null ? "" : m.note()).setHeader(getTranslation("objective.note"))
                .setFlexGrow(2);
        list.addColumn(Measurement::enteredByName).setHeader(getTranslation("objective.enteredBy")).setAutoWidth(true);
        list.setItems(measurements);
        list.setAllRowsVisible(true);
        detail.add(list);
    }

    void openMeasure(Objective o) {
        new MeasureDialog(objectives, o, LocalDate.now(clock), this::refresh).open();
    }

    void openEdit(Objective existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "objectives.add" : "common.edit"));
        dialog.setWidth("min(40rem, 100vw)");
        TextField title = new TextField(getTranslation("objective.title"));
        TextField indicator = new TextField(getTranslation("objective.indicator"));
        Select<Objective.Direction> direction = new Select<>();
        direction.setLabel(getTranslation("objective.direction"));
        direction.setItems(Objective.Direction.values());
        direction.setItemLabelGenerator(d -> getTranslation("direction." + d));
        direction.setValue(Objective.Direction.AT_LEAST);
        BigDecimalField target = new BigDecimalField(getTranslation("objective.target"));
        TextField measureUnit = new TextField(getTranslation("objective.measureUnit"));
        Select<Objective.Frequency> frequency = new Select<>();
        frequency.setLabel(getTranslation("objective.frequency"));
        frequency.setItems(Objective.Frequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("frequency." + f));
        frequency.setValue(Objective.Frequency.QUARTERLY);
        ComboBox<Membership> owner = new ComboBox<>(getTranslation("objective.owner"));
        List<Membership> members = users.peopleOf(unit);
        owner.setItems(members);
        owner.setItemLabelGenerator(Membership::fullName);
        Checkbox active = new Checkbox(getTranslation("objective.active"), true);
        Checkbox bound = new Checkbox(getTranslation("objective.bound"));
        bound.setId("objective-bound");
        ComboBox<String> field = new ComboBox<>(getTranslation("objective.boundField"));
        field.setItems(catalogue.entries().stream().map(Tthc::field).distinct().sorted().toList());
        field.setClearButtonVisible(true);
        field.setHelperText(getTranslation("objective.boundField.help"));
        field.setId("objective-bound-field");
        if (existing != null) {
            bound.setValue(existing.isBound());
            if (existing.isBound() && existing.binding().field() != null) {
                field.setValue(existing.binding().field());
            }
            title.setValue(existing.title());
            indicator.setValue(existing.indicator());
            direction.setValue(existing.direction());
            target.setValue(existing.target());
            measureUnit.setValue(existing.measureUnit() == null ? "" : existing.measureUnit());
            frequency.setValue(existing.frequency());
            members.stream().filter(m -> m.userId().equals(existing.ownerId())).findFirst().ifPresent(owner::setValue);
            active.setValue(existing.active());
        }
        FormLayout form = new FormLayout(title, indicator, direction, target, measureUnit, frequency, owner);
        form.setColspan(title, 2);
        form.setColspan(indicator, 2);
        if (existing != null) {
            form.add(active, bound, field);
        }
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> {
            ObjectiveData data = new ObjectiveData(title.getValue(), indicator.getValue(), direction.getValue(),
                    target.getValue(), measureUnit.getValue(), frequency.getValue(),
                    owner.getValue() == null ? null : owner.getValue().userId());
            if (existing == null) {
                objectives.create(unit, data);
            } else {
                objectives.update(existing.id(), existing.version(), data, active.getValue());
                boolean rebind = bound.getValue() && !Objects.equals(field.getValue(),
                        existing.isBound() ? existing.binding().field() : null);
                if (bound.getValue() != existing.isBound() || rebind) {
                    objectives.bindToOneStop(existing.id(), bound.getValue(), field.getValue());
                }
            }
        }, getTranslation("objective.saved"), this::refresh);
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.objectives";
    }
}
