package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.Restructuring;
import vn.eiso.organisation.Unit;

/**
 * Merges units into a successor: choose them, see what each hands over, confirm. It runs as one step: all of it
 * or, when anything fails, none of it.
 */
class MergeDialog extends Dialog {

    final MultiSelectComboBox<Unit> predecessors = new MultiSelectComboBox<>();
    final ComboBox<Unit> successor = new ComboBox<>();
    final Div preview = new Div();
    final Button merge;

    MergeDialog(Restructuring restructuring, List<Unit> units, Runnable after) {
        setHeaderTitle(getTranslation("merge.title"));
        setWidth("min(44rem, 100vw)");
        List<Unit> active = units.stream().filter(Unit::isActive).toList();
        predecessors.setLabel(getTranslation("merge.predecessors"));
        predecessors.setId("merge-predecessors");
        predecessors.setItems(active);
        predecessors.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        predecessors.setWidthFull();
        successor.setLabel(getTranslation("merge.successor"));
        successor.setId("merge-successor");
        successor.setItems(active);
        successor.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        successor.setWidthFull();
        predecessors.addValueChangeListener(e -> showPreview(restructuring));
        preview.addClassName("merge-preview");
        VerticalLayout content = new VerticalLayout(new Paragraph(getTranslation("merge.help")), predecessors,
                successor, preview);
        content.setPadding(false);
        add(content);
        merge = new Button(getTranslation("merge.confirm"), e -> Dialogs.confirmDestructive(
                getTranslation("merge.title"), getTranslation("merge.confirm.text",
                        predecessors.getValue().stream().map(Unit::name).collect(Collectors.joining(", ")),
                        successor.getValue() == null ? "" : successor.getValue().name()),
                getTranslation("merge.confirm"), () -> Notifications.attempt(() -> {
                    restructuring.merge(predecessors.getValue().stream().map(Unit::id).toList(),
                            successor.getValue() == null ? null : successor.getValue().id());
                    close();
                    after.run();
                }, "merge.done")));
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), merge);
    }

    private void showPreview(Restructuring restructuring) {
        preview.removeAll();
        for (Unit unit : predecessors.getValue()) {
            Map<String, Integer> counts = restructuring.counts(unit.id());
            preview.add(new Paragraph(unit.name() + ": " + counts.entrySet().stream().filter(c -> c.getValue() > 0)
                    .map(c -> getTranslation("holding." + c.getKey()) + " " + c.getValue())
                    .collect(Collectors.joining(", "))));
        }
    }
}
