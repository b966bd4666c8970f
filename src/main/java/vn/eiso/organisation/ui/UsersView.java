package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import vn.eiso.base.Role;
import vn.eiso.base.ui.SearchField;
import vn.eiso.base.ui.TitledView;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;

/** User accounts; opening one shows its details and its roles in units. */
@Route("admin/users")
@Menu(order = 11, icon = "vaadin:users", title = "nav.users")
@RolesAllowed(Role.Names.ADMINISTRATOR)
class UsersView extends VerticalLayout implements TitledView {

    private final UserService users;
    private final UnitService units;
    private final ApiTokens tokens;
    private final Clock clock;
    final Grid<UserAccount> grid = new Grid<>();
    final SearchField search = new SearchField("users.search", this::refresh);

    UsersView(UserService users, UnitService units, ApiTokens tokens, Clock clock) {
        this.users = users;
        this.units = units;
        this.tokens = tokens;
        this.clock = clock;
        addClassName("list-view");
        setSizeFull();

        Button add = new Button(getTranslation("users.add"), VaadinIcon.PLUS.create(), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.addClassName("toolbar");

        grid.addColumn(UserAccount::username).setHeader(getTranslation("user.username")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(UserAccount::fullName).setHeader(getTranslation("user.fullName")).setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(UserAccount::email).setHeader(getTranslation("user.email")).setFlexGrow(2);
        grid.addComponentColumn(this::state).setHeader(getTranslation("user.state")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(users.find(search.getValue()));
    }

    void open(UserAccount account) {
        new UserDialog(users, units, tokens, clock, account, this::refresh).open();
    }

    private Span state(UserAccount user) {
        String key = !user.enabled() ? "user.disabled"
                : user.mustChangePassword() ? "user.mustChangePassword" : "user.active";
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(!user.enabled() ? "badge error"
                : user.mustChangePassword() ? "badge contrast" : "badge success");
        return badge;
    }

    @Override
    public String titleKey() {
        return "nav.users";
    }
}
