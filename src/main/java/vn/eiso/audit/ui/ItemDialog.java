package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.ItemResult;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Notifications;

/** Records the result of one checklist item with its evidence; stays open with the reason when refused. */
class ItemDialog extends Dialog {

    final Select<ItemResult> result = new Select<>();
    final TextArea evidence = new TextArea();
    final Button save = new Button();

    ItemDialog(AuditWork work, AuditItem item, String label, Runnable saved) {
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
        add(new VerticalLayout(result, evidence));
        save.setId("item-save");
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                work.record(item.id(), item.version(), evidence.getValue(), result.getValue());
                Notifications.success(getTranslation("audit.recorded"));
                close();
                saved.run();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
