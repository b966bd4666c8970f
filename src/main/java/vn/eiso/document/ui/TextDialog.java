package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import vn.eiso.base.DomainException;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.ui.FieldErrors;

/** Asks for one text (a change request, a reason, a comment) and hands it to an action that may refuse. */
class TextDialog extends Dialog {

    final TextArea text = new TextArea();
    final Button confirm = new Button();
    final FieldErrors errors = new FieldErrors();

    TextDialog(String titleKey, String labelKey, String confirmKey, Consumer<String> action, Runnable onDone) {
        setHeaderTitle(getTranslation(titleKey));
        setWidth("min(36rem, 100vw)");
        text.setLabel(getTranslation(labelKey));
        text.setWidthFull();
        text.setMinHeight("8rem");
        text.setMaxLength(4000);
        add(text, errors.formLine());
        confirm.setText(getTranslation(confirmKey));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.on("error.revision.commentRequired", text).on("error.changeRequest.textRequired", text)
                .on("error.tooLong", text)
                .on("error.changeRequest.textTooLong", text).on("error.changeRequest.reasonRequired", text);
        confirm.addClickListener(e -> {
            errors.clear();
            if (!errors.require(text, "error.textRequired")) {
                return;
            }
            try {
                action.accept(text.getValue());
                close();
                onDone.run();
            } catch (DomainException ex) {
                errors.show(ex);
            } catch (AccessDeniedException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }
}
