package vn.eiso.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.eiso.base.Texts;
import vn.eiso.base.ui.BarChart;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.FigureCard;
import vn.eiso.catalogue.CoverageCount;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Messages;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.TitledView;
import vn.eiso.console.ConsoleFilter;
import vn.eiso.console.Level;
import vn.eiso.console.OverdueItem;
import vn.eiso.console.ProvinceOverview;
import vn.eiso.console.RolloutConsole;
import vn.eiso.console.Stage;
import vn.eiso.console.StageFacts;
import vn.eiso.console.UnitDetail;
import vn.eiso.console.UnitStanding;
import vn.eiso.organisation.UnitType;

/**
 * The rollout console: the province at a glance (headline counts, units per stage, overdue work), then every unit
 * with its stage and overdue counts, filtered, drilled into down to the overdue item, exported as a workbook. A unit
 * member sees only their own units here.
 */
@Route("console")
@Menu(order = 0.5, icon = "vaadin:chart-grid", title = "nav.console")
@PermitAll
class ConsoleView extends VerticalLayout implements TitledView {

    final Div headline = new Div();
    final Div figures = new Div();
    final Div chart = new Div();
    final ComboBox<Level> level = new ComboBox<>();
    final ComboBox<UnitType> type = new ComboBox<>();
    final ComboBox<Stage> stage = new ComboBox<>();
    final TextField text = new TextField();
    final MultiSelectComboBox<OverdueItem.Kind> overdue = new MultiSelectComboBox<>();
    final Checkbox overdueOnly = new Checkbox();
    final Grid<UnitStanding> grid = new Grid<>();
    private final Div export = new Div();
    private final RolloutConsole console;
    private ProvinceOverview overview;

    ConsoleView(RolloutConsole console) {
        this.console = console;
        addClassName("list-view");
        setSizeFull();
        headline.addClassName("console-headline");
        figures.addClassName("figures");
        figures.setWidthFull();
        chart.addClassName("bar-chart");

        level.setLabel(getTranslation("console.level"));
        level.setItems(Level.values());
        level.setItemLabelGenerator(l -> getTranslation("console.level." + l));
        level.setClearButtonVisible(true);
        level.setId("console-level");
        level.addValueChangeListener(e -> show());
        type.setLabel(getTranslation("unit.type"));
        type.setItems(UnitType.values());
        type.setItemLabelGenerator(t -> getTranslation("unitType." + t));
        type.setClearButtonVisible(true);
        type.setId("console-type");
        stage.setLabel(getTranslation("console.stage"));
        stage.setItems(Stage.values());
        stage.setItemLabelGenerator(s -> getTranslation("stage." + s));
        stage.setClearButtonVisible(true);
        stage.setId("console-stage");
        text.setLabel(getTranslation("console.search"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.setId("console-search");
        overdueOnly.setLabel(getTranslation("console.overdueOnly"));
        overdueOnly.setId("console-overdue-only");
        overdue.setLabel(getTranslation("console.overdueKinds"));
        overdue.setPlaceholder(getTranslation("console.overdueKinds.any"));
        overdue.setItems(OverdueItem.Kind.values());
        overdue.setItemLabelGenerator(k -> getTranslation("console.kind." + k));
        overdue.setClearButtonVisible(true);
        overdue.setId("console-overdue-kinds");
        overdue.addValueChangeListener(e -> {
            overdueOnly.setValue(overdueOnly.getValue() || !e.getValue().isEmpty());
            show();
        });
        type.addValueChangeListener(e -> show());
        stage.addValueChangeListener(e -> show());
        text.addValueChangeListener(e -> show());
        overdueOnly.addValueChangeListener(e -> show());
        HorizontalLayout filters = new HorizontalLayout(level, type, stage, text, overdueOnly, overdue, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        // Sized to fit a 1366-pixel screen beside the menu: names wrap in full (ward names differ only at their end)
        // with the name on hover too; the six overdue counts are narrow. A phone gets one card per unit.
        grid.addColumn(UnitStanding::code).setHeader(getTranslation("unit.code")).setWidth("6rem").setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(UnitStanding::name).setHeader(getTranslation("unit.name")).setFlexGrow(4).setWidth("10rem")
                .setSortable(true)
                .setTooltipGenerator(UnitStanding::name);
        grid.addColumn(u -> getTranslation("console.level." + Level.of(u.type())))
                .setHeader(getTranslation("console.level")).setWidth("5.5rem").setFlexGrow(0).setSortable(true);
        grid.addColumn(u -> getTranslation("unitType." + u.type())).setHeader(getTranslation("unit.type"))
                .setWidth("7.5rem").setFlexGrow(1).setSortable(true);
        grid.addComponentColumn(u -> stageBadge(u.stage())).setHeader(getTranslation("console.stage"))
                .setWidth("7.5rem").setFlexGrow(0).setComparator(UnitStanding::stage);
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            count(kind);
        }
        NarrowScreens.cards(grid, getTranslation("unit.name"), u -> NarrowScreens.card(
                new Span(u.code() + " · " + u.name()), stageBadge(u.stage()),
                NarrowScreens.fact(overdueSummary(u))));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("console.none"));
        grid.setMinHeight("24rem");
        grid.addItemClickListener(e -> openUnit(e.getItem()));

        Div top = new Div(chart, figures);
        top.addClassName("console-top");
        add(new Paragraph(getTranslation("console.help")), headline, top, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /** A narrow column per kind of overdue work, its header short, its meaning on hover. */
    private void count(OverdueItem.Kind kind) {
        Span header = new Span(getTranslation("console.col." + kind));
        header.setTitle(getTranslation("console.col." + kind + ".tip"));
        grid.addColumn(u -> blankIfZero(u.overdue().count(kind))).setHeader(header)
                .setTooltipGenerator(u -> getTranslation("console.col." + kind + ".tip"))
                .setComparator(u -> u.overdue().count(kind))
                .setTextAlign(ColumnTextAlign.END).setWidth("4.5rem").setFlexGrow(0);
    }

    /** "Tài liệu 2 · Báo cáo 1": the overdue counts of a unit's card on a phone. */
    private String overdueSummary(UnitStanding u) {
        List<String> parts = new ArrayList<>();
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            int n = u.overdue().count(kind);
            if (n > 0) {
                parts.add(getTranslation("console.col." + kind) + " " + n);
            }
        }
        return String.join(" · ", parts);
    }

    void refresh() {
        overview = console.overview();
        headline.removeAll();
        headline.add(new Span(headlineText()));
        for (Map.Entry<UnitType, Long> e : overview.countByType().entrySet()) {
            long announced = ProvinceOverview.announced(overview.filter(
                    new ConsoleFilter(null, e.getKey(), null, null, null)));
            Button chip = new Button(getTranslation("console.typeChip", getTranslation("unitType." + e.getKey()),
                    e.getValue(), announced), click -> type.setValue(e.getKey()));
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            chip.addClassName("type-chip");
            headline.add(chip);
        }
        show();
    }

    /** "10 cơ quan cấp tỉnh và 42 xã, phường: 12 đã công bố". */
    String headlineText() {
        List<String> parts = new ArrayList<>();
        overview.countByType().forEach((t, n) -> parts.add(getTranslation("console.count." + t, n)));
        String units = parts.isEmpty() ? "0"
                : parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " " + getTranslation("console.and") + " "
                        + parts.getLast();
        return getTranslation("console.headline", units, overview.announced());
    }

    private void show() {
        ConsoleFilter filter = filter();
        List<UnitStanding> rows = overview.filter(filter);
        grid.setItems(rows);
        figures.removeAll();
        figures.add(figure(rows.size(), "console.figure.units"),
                figure(ProvinceOverview.announced(rows), "console.figure.announced"),
                figure(ProvinceOverview.withOverdue(rows), "console.figure.withOverdue"));
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            figures.add(figure(ProvinceOverview.sum(rows, kind), "console.kind." + kind));
        }
        CoverageCount tthc = ProvinceOverview.tthc(rows);
        figures.add(FigureCard.of(tthc.percent() + " %", getTranslation("console.figure.tthc", tthc.covered(),
                tthc.procedures())));
        Map<String, Long> stages = new LinkedHashMap<>();
        ProvinceOverview.byStage(rows).forEach((s, n) -> stages.put(getTranslation("stage." + s), n));
        chart.removeAll();
        chart.add(new H4(getTranslation("console.byStage")), new Html("<div>" + BarChart.svg(getTranslation("console.byStage"), stages) + "</div>"));
        Texts texts = Messages.texts(getLocale());
        export.removeAll();
        Anchor link = Downloads.file(getTranslation("console.export"), "TRIEN-KHAI-ISO-" + overview.today() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", () -> console.xlsx(filter, texts));
        link.setId("console-export");
        export.add(link);
    }

    ProvinceOverview overview() {
        return overview;
    }

    ConsoleFilter filter() {
        return new ConsoleFilter(level.getValue(), type.getValue(), stage.getValue(), text.getValue(),
                overdueOnly.getValue() ? Set.copyOf(overdue.getValue()) : null);
    }

    void openUnit(UnitStanding standing) {
        UnitDetail detail = console.unit(standing.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(standing.code() + " · " + standing.name());
        dialog.setWidth("min(52rem, 100vw)");
        dialog.addClassName("console-unit");
        StageFacts f = standing.facts();
        Div facts = new Div(stageBadge(standing.stage()),
                Badges.fact(getTranslation("unit.type"), getTranslation("unitType." + standing.type())),
                Badges.fact(getTranslation("unit.parent"), standing.parentName()),
                Badges.fact(getTranslation("console.appliedSince"), Formats.date(f.appliedSince())),
                Badges.fact(getTranslation("console.lastAudit"), Formats.date(f.lastAudit())),
                Badges.fact(getTranslation("console.lastReview"), Formats.date(f.lastReview())),
                Badges.fact(getTranslation("console.announcedOn"), Formats.date(f.announcedOn())),
                // Per unit here rather than as grid columns: the grid must fit a 1366-pixel screen.
                Badges.fact(getTranslation("console.tthcCoverage"), standing.tthc().procedures() == 0 ? null
                        : standing.tthc().covered() + "/" + standing.tthc().procedures()),
                Badges.fact(getTranslation("console.onTimeRate"), standing.onTimeRate() == null ? null
                        : String.format("%.1f %%", standing.onTimeRate())));
        facts.addClassName("facts");
        dialog.add(facts, new Paragraph(getTranslation("stage." + standing.stage() + ".means")));
        if (detail.items().isEmpty()) {
            dialog.add(new Paragraph(getTranslation("console.unit.nothingOverdue")));
        }
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            List<OverdueItem> items = detail.items().stream().filter(i -> i.kind() == kind).toList();
            if (items.isEmpty()) {
                continue;
            }
            UnorderedList list = new UnorderedList();
            for (OverdueItem item : items) {
                String text = item.label() != null ? item.label() : getTranslation("console.item." + kind);
                Component label = item.link() == null ? new Span(text) : new Button(text, e -> {
                    dialog.close();
                    getUI().ifPresent(ui -> navigate(ui, item.link()));
                });
                if (label instanceof Button link) {
                    link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    link.addClassName("item-link");
                }
                list.add(new ListItem(label, new Text((item.text() == null ? "" : " · " + item.text()) + " · "
                        + getTranslation("console.item.due", Formats.date(item.due())))));
            }
            dialog.add(new H4(getTranslation("console.kind." + kind)), list);
        }
        Button close = new Button(getTranslation("common.close"), VaadinIcon.CLOSE_SMALL.create(),
                e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** An item's link is a route, with its query after a "?" (a report's year and unit). */
    private static void navigate(UI ui, String link) {
        int query = link.indexOf('?');
        if (query < 0) {
            ui.navigate(link);
        } else {
            ui.navigate(link.substring(0, query), QueryParameters.fromString(link.substring(query + 1)));
        }
    }

    private Component stageBadge(Stage s) {
        String theme = switch (s) {
            case BUILDING -> "badge contrast";
            case APPLYING, AUDITED, REVIEWED -> "badge";
            case ANNOUNCED, MAINTAINING -> "badge success";
        };
        Span badge = Badges.of(getTranslation("stage." + s), theme);
        badge.getElement().setAttribute("title", getTranslation("stage." + s + ".means"));
        return badge;
    }


    private Component figure(long value, String key) {
        return FigureCard.of(value, getTranslation(key));
    }

    private static String blankIfZero(int n) {
        return n == 0 ? "" : String.valueOf(n);
    }

    @Override
    public String titleKey() {
        return "nav.console";
    }
}
