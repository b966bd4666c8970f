package vn.eiso.worklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.FigureCard;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.TitledView;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/** What waits for the user across units and roles, overdue first; each line opens the screen that deals with it. */
@Route(Worklist.ROUTE)
@Menu(order = 0.2, icon = "vaadin:tasks", title = "nav.worklist")
@PermitAll
class WorklistView extends VerticalLayout implements TitledView {

    final Grid<WorkItem> grid = new Grid<>();
    final Checkbox overdueOnly = new Checkbox();
    final Div figures = new Div();
    private final Worklist worklist;
    private List<WorkItem> items = List.of();

    WorklistView(Worklist worklist) {
        this.worklist = worklist;
        addClassName("list-view");
        setSizeFull();
        figures.addClassName("figures");
        figures.setWidthFull();
        overdueOnly.setLabel(getTranslation("worklist.overdueOnly"));
        overdueOnly.setId("worklist-overdue-only");
        overdueOnly.addValueChangeListener(e -> show());
        grid.addColumn(i -> getTranslation("worklist.kind." + i.kind())).setHeader(getTranslation("worklist.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> i.link() == null ? new Span(i.label()) : new Anchor(i.link(), i.label()))
                .setHeader(getTranslation("worklist.item")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.text() == null ? "" : i.text()).setHeader(getTranslation("worklist.text"))
                .setFlexGrow(3);
        grid.addColumn(i -> Formats.date(i.due())).setHeader(getTranslation("worklist.due")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::state).setHeader(getTranslation("worklist.state")).setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.cards(grid, getTranslation("worklist.item"), i -> NarrowScreens.card(
                i.link() == null ? new Span(i.label()) : new Anchor(i.link(), i.label()),
                state(i), NarrowScreens.fact(getTranslation("worklist.kind." + i.kind())),
                NarrowScreens.fact(i.text()), NarrowScreens.fact(Formats.date(i.due()))));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("worklist.none"));
        add(new Paragraph(getTranslation("worklist.help")), figures, overdueOnly, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        items = worklist.mine();
        figures.removeAll();
        long overdue = items.stream().filter(WorkItem::overdue).count();
        figures.add(FigureCard.of(items.size(), getTranslation("worklist.total")),
                FigureCard.of(overdue, getTranslation("worklist.overdue")));
        show();
    }

    private void show() {
        grid.setItems(overdueOnly.getValue() ? items.stream().filter(WorkItem::overdue).toList() : items);
    }

    private Component state(WorkItem item) {
        return item.overdue() ? Badges.of(getTranslation("worklist.overdueBadge"), "badge error")
                : Badges.of(getTranslation("worklist.waiting"), "badge contrast");
    }


    @Override
    public String titleKey() {
        return "nav.worklist";
    }
}
