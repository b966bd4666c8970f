package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;

/** The two ways a dialog ends an action, the same on every screen. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Puts "cancel" and a primary button into the dialog's footer. The button runs the action; on success it says
     * so, closes the dialog and runs {@code after}; when the rules refuse, the reason is shown and the dialog stays
     * open with what the user typed.
     */
    public static Button footer(Dialog dialog, String buttonText, Runnable action, String successText,
            Runnable after) {
        UI ui = UI.getCurrent();
        Button save = new Button(buttonText, e -> {
            try {
                action.run();
                Notifications.success(successText);
                dialog.close();
                after.run();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("common.cancel"), e -> dialog.close()), save);
        return save;
    }

    /**
     * As {@link #footer(Dialog, String, Runnable, String, Runnable)}, but a refusal shows on the field it is about
     * (or in the dialog's error line), never as a toast over the form.
     */
    public static Button footer(Dialog dialog, String buttonText, Runnable action, String successText,
            Runnable after, FieldErrors errors) {
        UI ui = UI.getCurrent();
        dialog.add(errors.formLine());
        Button save = new Button(buttonText, e -> {
            errors.clear();
            try {
                action.run();
                Notifications.success(successText);
                dialog.close();
                after.run();
            } catch (FieldErrors.Marked ex) {
                // the fields say what is missing
            } catch (DomainException ex) {
                errors.show(ex);
            } catch (AccessDeniedException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("common.cancel"), e -> dialog.close()), save);
        return save;
    }

    /** Asks before something that cannot be undone; the confirming button is red. */
    public static void confirmDestructive(String title, String text, String confirmText, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog(title, text, confirmText, e -> action.run());
        confirm.setCancelable(true);
        confirm.setCancelText(UI.getCurrent().getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
