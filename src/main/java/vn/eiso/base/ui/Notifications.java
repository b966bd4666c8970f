package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import vn.eiso.base.DomainException;

/** The two kinds of feedback a view gives: it worked, or why it did not (in the user's language). */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
    }

    /** Runs a service call a user asked for: "done" on success, the reason when the rules refuse it. */
    public static void attempt(Runnable action, String successKey) {
        try {
            action.run();
            success(UI.getCurrent().getTranslation(successKey));
        } catch (DomainException e) {
            error(e);
        }
    }

    public static void error(DomainException e) {
        error(UI.getCurrent().getTranslation(e.messageKey(), e.args()));
    }
}
