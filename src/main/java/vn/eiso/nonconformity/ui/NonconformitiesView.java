package vn.eiso.nonconformity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.eiso.base.FileLimits;
import vn.eiso.base.Texts;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.ui.BarChart;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.FigureCard;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Messages;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.TitledView;
import vn.eiso.nonconformity.NcFigures;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityFigures;

/**
 * The unit's nonconformity register: anyone reports a problem here; each entry opens its closed loop. The figures
 * tab counts the register (the whole province for the science department) and exports it to XLSX.
 */
@Route("nonconformities")
@Menu(order = 6, icon = "vaadin:warning", title = "nav.nonconformities")
@PermitAll
class NonconformitiesView extends VerticalLayout implements TitledView {

    final Grid<Nonconformity> grid = new Grid<>();
    final Checkbox openOnly = new Checkbox();
    final Checkbox province = new Checkbox();
    private final Nonconformities nonconformities;
    private final NonconformityFigures figures;
    private final Div figuresPanel = new Div();
    private final ZoneId zone;
    private final LocalDate today;
    private UnitId unit;

    NonconformitiesView(Nonconformities nonconformities, NonconformityFigures figures, AccessGuard guard,
            FileLimits limits, Clock clock) {
        this.nonconformities = nonconformities;
        this.figures = figures;
        this.zone = clock.getZone();
        this.today = LocalDate.now(clock);
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        unit = current.get();
        Caller caller = guard.caller();
        boolean inspector = caller.isOversight() || caller.isAdministrator();
        // Sized to fit a 1366-pixel screen beside the menu: short columns fixed, the description takes what is left
        // and wraps; the audit a finding came from is the link in its source. A phone gets one card per row.
        grid.addComponentColumn(n -> new Anchor("nonconformity/" + n.id().value(), n.id().label()))
                .setHeader(getTranslation("nc.id")).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(Nonconformity::description).setHeader(getTranslation("nc.description")).setWidth("14rem")
                .setFlexGrow(6);
        grid.addColumn(n -> Formats.dateTime(n.reportedAt(), zone)).setHeader(getTranslation("nc.reportedAt"))
                .setWidth("7.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::source).setHeader(getTranslation("nc.source")).setWidth("8.5rem")
                .setFlexGrow(1);
        grid.addComponentColumn(NcBadges::severity).setHeader(getTranslation("nc.severity")).setWidth("5.5rem")
                .setFlexGrow(0);
        grid.addColumn(n -> join(n.clauseCode(), n.documentCode())).setHeader(getTranslation("nc.where"))
                .setWidth("7rem").setFlexGrow(1);
        grid.addComponentColumn(n -> NcBadges.status(n.status())).setHeader(getTranslation("nc.status"))
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(n -> n.ageInDays(today, zone)).setHeader(getTranslation("nc.age")).setWidth("4.5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        NarrowScreens.cards(grid, getTranslation("nc.tab.register"), n -> NarrowScreens.card(
                new Anchor("nonconformity/" + n.id().value(), n.id().label() + " · " + n.description()),
                NcBadges.status(n.status()), NcBadges.severity(n),
                NarrowScreens.fact(getTranslation("ncSource." + n.source())),
                NarrowScreens.fact(Formats.dateTime(n.reportedAt(), zone)),
                NarrowScreens.fact(getTranslation("nc.ageDays", n.ageInDays(today, zone)))));
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        openOnly.setLabel(getTranslation("nc.openOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        Button report = new Button(getTranslation("nc.report"), VaadinIcon.PLUS.create(),
                e -> new ReportDialog(nonconformities, limits, unit, inspector, this::refresh).open());
        report.setId("nc-report");
        report.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout registerTab = new VerticalLayout(new HorizontalLayout(report, openOnly), grid);
        registerTab.setPadding(false);
        registerTab.setSizeFull();

        province.setLabel(getTranslation("ncFigures.province"));
        province.setVisible(inspector);
        province.addValueChangeListener(e -> showFigures());
        figuresPanel.setWidthFull();
        VerticalLayout figuresTab = new VerticalLayout(province, figuresPanel);
        figuresTab.setPadding(false);
        TabSheet sheet = new TabSheet();
        sheet.setSizeFull();
        sheet.add(getTranslation("nc.tab.register"), registerTab);
        sheet.add(getTranslation("nc.tab.figures"), figuresTab);
        sheet.addSelectedChangeListener(e -> showFigures());
        add(new Paragraph(getTranslation("nc.help")), sheet);
        refresh();
    }

    private void refresh() {
        grid.setItems(nonconformities.ofUnit(unit, openOnly.getValue()));
    }

    void showFigures() {
        figuresPanel.removeAll();
        UnitId scope = province.getValue() ? null : unit;
        NcFigures f = figures.of(scope);
        Div headline = new Div(FigureCard.of(f.open(), getTranslation("ncFigures.open")),
                FigureCard.of(f.closedLastYear(), getTranslation("ncFigures.closedLastYear")),
                FigureCard.of(f.meanDaysToClose() == null ? "—" : String.format(getLocale(), "%.1f",
                        f.meanDaysToClose()), getTranslation("ncFigures.meanDays")),
                FigureCard.of(f.overdueActions(), getTranslation("ncFigures.overdueActions")));
        headline.addClassName("figures");
        headline.setWidthFull();
        Map<String, Long> age = new LinkedHashMap<>();
        f.openByAge().forEach((k, v) -> age.put(getTranslation("ncFigures.age", k), v));
        Map<String, Long> source = new LinkedHashMap<>();
        f.openBySource().forEach((k, v) -> source.put(getTranslation("ncSource." + k), v));
        Map<String, Long> clause = new LinkedHashMap<>();
        f.openByClause().forEach((k, v) -> clause.put(NonconformityFigures.clauseLabel(k, Messages.texts(getLocale())), v));
        Texts texts = Messages.texts(getLocale());
        String file = "SO-THEO-DOI-KPH-" + today + ".xlsx";
        figuresPanel.add(headline,
                Downloads.file(getTranslation("ncFigures.export"), file,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        () -> figures.xlsx(scope, texts)),
                chart("ncFigures.byAge", age), chart("ncFigures.bySource", source), chart("ncFigures.byClause", clause));
        if (scope == null) {
            figuresPanel.add(chart("ncFigures.byUnit", f.openByUnit()));
        }
    }


    private Component chart(String titleKey, Map<String, Long> values) {
        Div box = new Div(new H4(getTranslation(titleKey)));
        box.addClassName("nc-chart");
        box.add(values.isEmpty() ? new Span("—") : new Html("<div>" + BarChart.svg(getTranslation(titleKey), values) + "</div>"));
        return box;
    }

    /** Where the problem came from; a finding links to its audit. */
    private Component source(Nonconformity n) {
        String text = getTranslation("ncSource." + n.source());
        return n.auditId() == null ? new Span(text) : new Anchor("audit/" + n.auditId(), text);
    }

    private static String join(String clause, String document) {
        if (clause == null) {
            return document == null ? "" : document;
        }
        return document == null ? clause : document + " (" + clause + ")";
    }

    @Override
    public String titleKey() {
        return "nav.nonconformities";
    }
}
