package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import vn.eiso.base.Role;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.organisation.SignInThrottle;
import vn.eiso.organisation.SignInThrottleEntry;

/**
 * The user names and addresses whose sign-ins are being slowed down, and until when; the administrator can let
 * one try again at once (a user who mistyped and calls the help desk).
 */
@Route("admin/sign-in")
@Menu(order = 11.5, icon = "vaadin:hourglass", title = "nav.signInThrottle")
@RolesAllowed(Role.Names.ADMINISTRATOR)
class SignInThrottleView extends VerticalLayout implements TitledView {

    private final SignInThrottle throttle;
    private final Clock clock;
    final Grid<SignInThrottleEntry> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    SignInThrottleView(SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
        addClassName("list-view");
        setSizeFull();

        Button refresh = new Button(getTranslation("signInThrottle.refresh"), VaadinIcon.REFRESH.create(),
                e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("signInThrottle.intro")),
                refresh);
        toolbar.addClassName("toolbar");

        grid.addColumn(t -> getTranslation("signInThrottle.kind." + t.kind().name()))
                .setHeader(getTranslation("signInThrottle.kind")).setAutoWidth(true);
        grid.addColumn(t -> t.username() == null ? "" : t.username())
                .setHeader(getTranslation("user.username")).setAutoWidth(true);
        grid.addColumn(SignInThrottleEntry::address).setHeader(getTranslation("signInThrottle.address"))
                .setAutoWidth(true);
        grid.addColumn(SignInThrottleEntry::failures).setHeader(getTranslation("signInThrottle.failures"))
                .setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.lastFailureAt(), clock.getZone()))
                .setHeader(getTranslation("signInThrottle.lastFailure")).setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.blockedUntil(), clock.getZone()))
                .setHeader(getTranslation("signInThrottle.blockedUntil")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button clear = new Button(getTranslation("signInThrottle.clear"), e -> confirmClear(t));
            clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
            return clear;
        }).setAutoWidth(true);
        grid.setSizeFull();
        empty.setText(getTranslation("signInThrottle.empty"));
        add(toolbar, empty, grid);
        refresh();
    }

    void refresh() {
        var entries = throttle.current();
        grid.setItems(entries);
        empty.setVisible(entries.isEmpty());
    }

    private void confirmClear(SignInThrottleEntry entry) {
        String who = entry.username() == null ? entry.address() : entry.username() + " · " + entry.address();
        Dialogs.confirmDestructive(getTranslation("signInThrottle.clear.title"),
                getTranslation("signInThrottle.clear.text", who), getTranslation("signInThrottle.clear"), () -> {
                    Notifications.attempt(() -> throttle.clear(entry), "signInThrottle.cleared");
                    refresh();
                });
    }

    @Override
    public String titleKey() {
        return "nav.signInThrottle";
    }
}
