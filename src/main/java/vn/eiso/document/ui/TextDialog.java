package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Notifications;

/** Asks for one text (a change request, a reason, a comment) and hands it to an action that may refuse. */
class TextDialog extends Dialog {

    final TextArea text = new TextArea();
    final Button confirm = new Button();

    TextDialog(String titleKey, String labelKey, String confirmKey, Consumer<String> action, Runnable onDone) {
        setHeaderTitle(getTranslation(titleKey));
        setWidth("min(36rem, 100vw)");
        text.setLabel(getTranslation(labelKey));
        text.setWidthFull();
        text.setMinHeight("8rem");
        text.setMaxLength(4000);
        add(text);
        confirm.setText(getTranslation(confirmKey));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                action.accept(text.getValue());
                close();
                onDone.run();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }
}
