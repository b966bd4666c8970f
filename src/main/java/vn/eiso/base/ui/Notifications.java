package vn.eiso.base.ui;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;
import vn.eiso.base.DomainException;

/** The two kinds of feedback a view gives: it worked, or why it did not (in the user's language). */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** A refusal; it closes when the user navigates away, so it never speaks over another page. */
    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
        UI ui = UI.getCurrent();
        if (ui != null) {
            Registration[] leaving = new Registration[1];
            leaving[0] = ui.addAfterNavigationListener(e -> {
                n.close();
                leaving[0].remove();
            });
            n.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    leaving[0].remove();
                }
            });
        }
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
        error(text(e));
    }

    /** The refusal in the user's language. */
    public static String text(DomainException e) {
        UI ui = UI.getCurrent();
        Object[] args = Arrays.stream(e.args()).map(a -> translated(ui, a)).toArray();
        return ui.getTranslation(e.messageKey(), args);
    }

    private static Object translated(UI ui, Object arg) {
        if (arg instanceof DomainException.Key key) {
            return ui.getTranslation(key.key());
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(a -> String.valueOf(translated(ui, a))).collect(Collectors.joining("; "));
        }
        return arg;
    }
}
