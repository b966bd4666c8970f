package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.Restructuring;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitHoldings.Holding;

/** Splits a unit: choose the receiving units, then where each document, audit, nonconformity ... goes. */
class SplitDialog extends Dialog {

    final MultiSelectComboBox<Unit> targets = new MultiSelectComboBox<>();
    final Grid<Holding> grid = new Grid<>();
    final Select<Unit> all = new Select<>();
    final Checkbox archiveSource = new Checkbox();
    final Map<Holding, Unit> plan = new HashMap<>();
    private final Unit source;

    SplitDialog(Restructuring restructuring, Unit source, List<Unit> units, Runnable after) {
        this.source = source;
        setHeaderTitle(getTranslation("split.title", source.name()));
        setWidth("min(64rem, 100vw)");
        targets.setLabel(getTranslation("split.targets"));
        targets.setId("split-targets");
        targets.setItems(units.stream().filter(u -> u.isActive() && !u.id().equals(source.id())).toList());
        targets.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        targets.setWidthFull();
        all.setLabel(getTranslation("split.all"));
        all.setItemLabelGenerator(this::label);
        all.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                grid.getListDataView().getItems().forEach(h -> plan.put(h, e.getValue()));
                grid.getDataProvider().refreshAll();
            }
        });
        targets.addValueChangeListener(e -> {
            all.setItems(choices());
            plan.values().removeIf(u -> !choices().contains(u));
            grid.getDataProvider().refreshAll();
        });
        grid.addColumn(h -> getTranslation("holding." + h.kind())).setHeader(getTranslation("split.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Holding::label).setHeader(getTranslation("split.item")).setFlexGrow(2);
        grid.addComponentColumn(h -> {
            Select<Unit> to = new Select<>();
            to.setItems(choices());
            to.setItemLabelGenerator(this::label);
            to.setValue(plan.getOrDefault(h, source));
            to.addValueChangeListener(e -> plan.put(h, e.getValue()));
            to.setAriaLabel(getTranslation("split.to"));
            return to;
        }).setHeader(getTranslation("split.to")).setFlexGrow(1);
        grid.setItems(restructuring.holdingsOf(source.id()));
        grid.setHeight("24rem");
        archiveSource.setLabel(getTranslation("split.archiveSource"));
        VerticalLayout content = new VerticalLayout(new Paragraph(getTranslation("split.help")),
                new HorizontalLayout(targets, all), grid, archiveSource);
        content.setPadding(false);
        add(content);
        Button split = new Button(getTranslation("split.confirm"), e -> Dialogs.confirmDestructive(
                getTranslation("split.title", source.name()), getTranslation("split.confirm.text"),
                getTranslation("split.confirm"), () -> Notifications.attempt(() -> {
                    Map<Holding, UnitId> chosen = new HashMap<>();
                    plan.forEach((h, u) -> chosen.put(h, u.id()));
                    restructuring.split(source.id(), chosen, archiveSource.getValue());
                    close();
                    after.run();
                }, "split.done")));
        split.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), split);
    }

    private List<Unit> choices() {
        List<Unit> choices = new ArrayList<>();
        choices.add(source);
        choices.addAll(targets.getValue());
        return choices;
    }

    private String label(Unit unit) {
        return unit.id().equals(source.id()) ? getTranslation("split.keep") : unit.code() + " · " + unit.name();
    }
}
