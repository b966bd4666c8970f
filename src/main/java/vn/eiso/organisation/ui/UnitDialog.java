package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.eiso.base.DomainException;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitData;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitType;

/** Creates or edits one unit. The service decides; the dialog stays open with the reason when it refuses. */
class UnitDialog extends Dialog {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<UnitType> type = new Select<>();
    final ComboBox<Unit> parent = new ComboBox<>();
    final Button save = new Button();

    UnitDialog(UnitService units, List<Unit> all, Unit existing, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "units.add" : "units.edit"));
        setWidth("min(40rem, 100vw)");
        code.setLabel(getTranslation("unit.code"));
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(32);
        code.setHelperText(getTranslation("unit.code.help"));
        name.setLabel(getTranslation("unit.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(255);
        type.setLabel(getTranslation("unit.type"));
        type.setItems(UnitType.values());
        type.setItemLabelGenerator(t -> getTranslation("unitType." + t));
        type.setRequiredIndicatorVisible(true);
        parent.setLabel(getTranslation("unit.parent"));
        parent.setClearButtonVisible(true);
        Set<UnitId> excluded = existing == null ? Set.of() : selfAndDescendants(existing.id(), all);
        parent.setItems((unit, filter) -> TextFolding.fold(unit.code() + " " + unit.name())
                .contains(TextFolding.fold(filter)),
                all.stream().filter(Unit::isActive).filter(u -> !excluded.contains(u.id())).toList());
        parent.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        if (existing != null) {
            code.setValue(existing.code());
            name.setValue(existing.name());
            type.setValue(existing.type());
            all.stream().filter(u -> u.id().equals(existing.parentId())).findFirst().ifPresent(parent::setValue);
        }

        FormLayout form = new FormLayout(code, type, name, parent);
        form.setColspan(name, 2);
        form.setColspan(parent, 2);
        add(form);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            UnitData data = new UnitData(code.getValue(), name.getValue(), type.getValue(),
                    parent.getValue() == null ? null : parent.getValue().id());
            try {
                if (existing == null) {
                    units.create(data);
                } else {
                    units.update(existing.id(), existing.version(), data);
                }
                Notifications.success(getTranslation("units.saved"));
                close();
                onSaved.run();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private static Set<UnitId> selfAndDescendants(UnitId root, List<Unit> all) {
        Set<UnitId> result = new HashSet<>(Set.of(root));
        int before;
        do {
            before = result.size();
            all.stream().filter(u -> u.parentId() != null && result.contains(u.parentId()))
                    .forEach(u -> result.add(u.id()));
        } while (result.size() != before);
        return result;
    }
}
