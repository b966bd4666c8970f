package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.audit.AuditorPool;
import vn.eiso.audit.Person;
import vn.eiso.base.Role;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;

/** The science department keeps the province-wide pool of auditors who audit units other than their own. */
@Route("auditor-pool")
@Menu(order = 9.5, icon = "vaadin:user-star", title = "nav.auditorPool")
@RolesAllowed({Role.Names.OVERSIGHT, Role.Names.ADMINISTRATOR})
class AuditorPoolView extends VerticalLayout implements TitledView {

    final Grid<Person> grid = new Grid<>();
    final ComboBox<Person> candidate = new ComboBox<>();
    private final AuditorPool pool;

    AuditorPoolView(AuditorPool pool) {
        this.pool = pool;
        addClassName("list-view");
        setSizeFull();
        candidate.setLabel(getTranslation("pool.candidate"));
        candidate.setItems(query -> pool.candidates(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        candidate.setItemLabelGenerator(p -> p.name() + (p.unitName().isBlank() ? "" : " · " + p.unitName()));
        candidate.setWidth("min(28rem, 100%)");
        Button add = new Button(getTranslation("pool.add"), VaadinIcon.PLUS.create(), e -> {
            if (candidate.getValue() != null) {
                Notifications.attempt(() -> pool.add(candidate.getValue().id()), "pool.added");
                candidate.clear();
                refresh();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(candidate, add);
        bar.setAlignItems(Alignment.BASELINE);
        grid.addColumn(Person::name).setHeader(getTranslation("pool.name")).setFlexGrow(2);
        grid.addColumn(Person::unitName).setHeader(getTranslation("pool.units")).setFlexGrow(3);
        grid.addComponentColumn(p -> {
            Button remove = new Button(getTranslation("pool.remove"), e -> confirmRemove(p));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
        grid.setSizeFull();
        add(new Paragraph(getTranslation("pool.help")), bar, grid);
        refresh();
    }

    private void confirmRemove(Person person) {
        Dialogs.confirmDestructive(getTranslation("pool.remove"), getTranslation("pool.remove.confirm", person.name()),
                getTranslation("pool.remove"), () -> {
                    Notifications.attempt(() -> pool.remove(person.id()), "pool.removed");
                    refresh();
                });
    }

    private void refresh() {
        grid.setItems(pool.members());
    }

    @Override
    public String titleKey() {
        return "nav.auditorPool";
    }
}
