package vn.eiso.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A feature's part of the application shell (the global search box, an entry of the user menu), so the shell
 * shows it without depending on the feature. Spring beans; {@link MainLayout} asks each of them per page.
 */
public interface ShellContribution {

    /** A component for the top bar, before the unit switcher. */
    default Optional<Component> navbar() {
        return Optional.empty();
    }

    /** A user-menu entry: its message key, and what it opens. */
    default Optional<UserMenuEntry> userMenu() {
        return Optional.empty();
    }

    record UserMenuEntry(String labelKey, Runnable action) {
    }
}
