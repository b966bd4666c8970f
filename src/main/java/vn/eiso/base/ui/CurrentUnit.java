package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import vn.eiso.base.UnitId;
import vn.eiso.base.web.RequestLogContext;
import vn.eiso.base.security.Grant;

/**
 * The unit the user is working in, kept in the Vaadin session. Only a convenience for choosing what to show:
 * services still check every unit id they are given.
 */
public final class CurrentUnit {

    private static final String KEY = CurrentUnit.class.getName();

    private CurrentUnit() {
    }

    public static Optional<UnitId> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((UnitId) session.getAttribute(KEY));
    }

    /**
     * The unit a unit-scoped list screen shows, laying the screen out as a list; with no unit to work in, the screen
     * says so and the caller shows nothing else.
     */
    public static Optional<UnitId> forListView(VerticalLayout view) {
        view.addClassName("list-view");
        view.setSizeFull();
        Optional<UnitId> unit = get();
        if (unit.isEmpty()) {
            view.add(new Paragraph(view.getTranslation("dashboard.unit.none")));
        }
        return unit;
    }

    public static void set(UnitId unit) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(KEY, unit);
        session.getSession().setAttribute(RequestLogContext.SESSION_UNIT, unit.value());
    }

    /** The session's unit if the user still belongs to it, else the remembered one, else the first granted. */
    public static Optional<UnitId> resolve(List<Grant> grants, Optional<UnitId> remembered) {
        Optional<UnitId> chosen = get().filter(u -> holds(grants, u))
                .or(() -> remembered.filter(u -> holds(grants, u)))
                .or(() -> grants.stream().map(Grant::unitId).findFirst());
        chosen.ifPresent(CurrentUnit::set);
        return chosen;
    }

    private static boolean holds(List<Grant> grants, UnitId unit) {
        return grants.stream().anyMatch(g -> g.unitId().equals(unit));
    }
}
