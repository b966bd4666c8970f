package vn.eiso.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserPreferences;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.Grant;

/**
 * The shell around every signed-in view: navigation filtered by what the user may open, the unit switcher,
 * the language switch and the user menu. Views declare themselves with {@code @Menu}, whose title is a message key.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();

    public MainLayout(AccessGuard guard, UserPreferences preferences, AuthenticationContext authentication,
            ObjectProvider<ShellContribution> contributions) {
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        List<Grant> grants = guard.caller().grants();
        Optional<UnitId> current = CurrentUnit.resolve(grants, preferences.ownLastUnit());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        viewTitle.addClassName("view-title");
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        List<ShellContribution> parts = contributions.orderedStream().toList();
        addToNavbar(toggle, viewTitle, spacer);
        parts.forEach(p -> p.navbar().ifPresent(this::addToNavbar));
        addToNavbar(unitSwitcher(grants, current, preferences), new LanguageSwitch(preferences::changeOwnLocale),
                userMenu(authentication, parts));

        Header brand = new Header();
        brand.addClassName("drawer-brand");
        Span emblem = new Span("ISO");
        emblem.addClassName("brand-emblem");
        Div names = new Div(new Span(getTranslation("app.name")), new Span(getTranslation("app.tagline")));
        names.addClassName("brand-names");
        brand.add(emblem, names);
        Footer footer = new Footer(new Span(getTranslation("app.standard")));
        footer.addClassName("drawer-footer");
        addToDrawer(brand, new Scroller(navigation()), footer);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component unitSwitcher(List<Grant> grants, Optional<UnitId> current, UserPreferences preferences) {
        Map<UnitId, Grant> units = new LinkedHashMap<>();
        grants.forEach(g -> units.putIfAbsent(g.unitId(), g));
        Select<UnitId> select = new Select<>();
        select.addClassName("unit-switcher");
        select.setAriaLabel(getTranslation("nav.unit"));
        select.setItems(units.keySet());
        select.setItemLabelGenerator(id -> units.get(id).unitName());
        current.ifPresent(select::setValue);
        select.setVisible(!units.isEmpty());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                CurrentUnit.set(e.getValue());
                preferences.rememberOwnUnit(e.getValue());
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
            }
        });
        return select;
    }

    private Component userMenu(AuthenticationContext authentication, List<ShellContribution> parts) {
        String name = authentication.getAuthenticatedUser(EisoPrincipal.class)
                .map(EisoPrincipal::fullName).orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        MenuBar menu = new MenuBar();
        menu.addClassName("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", getTranslation("nav.userMenu"));
        MenuItem root = menu.addItem(avatar);
        root.getSubMenu().addItem(new Span(name)).setEnabled(false);
        parts.forEach(p -> p.userMenu().ifPresent(
                entry -> root.getSubMenu().addItem(getTranslation(entry.labelKey()), e -> entry.action().run())));
        root.getSubMenu().addItem(getTranslation("nav.logout"), e -> authentication.logout());
        return menu;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(getContent() instanceof TitledView titled ? titled.title() : "");
    }
}
