package vn.eiso.annualreport.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eiso.annualreport.AnnualReport;
import vn.eiso.annualreport.AnnualReports;
import vn.eiso.annualreport.Figure;
import vn.eiso.annualreport.ProvinceReport;
import vn.eiso.annualreport.ReportPeriod;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.FigureCard;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Messages;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;

/**
 * Annual reports: the unit's report of the chosen year (open, write, save, submit, export), and for the science
 * department the province's consolidation and the reporting periods (deadlines and sections).
 */
@Route(AnnualReports.ROUTE)
@Menu(order = 9.3, icon = "vaadin:file-text-o", title = "nav.annualReports")
@PermitAll
class AnnualReportsView extends VerticalLayout implements TitledView, BeforeEnterObserver {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    final ComboBox<Integer> year = new ComboBox<>();
    final Div unitPanel = new Div();
    final Div provincePanel = new Div();
    final Grid<ProvinceReport.Line> provinceGrid = new Grid<>();
    final Grid<ReportPeriod> periodGrid = new Grid<>();
    final List<TextArea> bodies = new ArrayList<>();
    private final AnnualReports reports;
    private final ZoneId zone;
    private final LocalDate today;
    private final boolean provinceWide;
    private UnitId unit;
    /** The unit a link asked for (from the console's drill-down), picked out in the province's list. */
    private UnitId focus;
    /** The deadline of the year the province's list shows, which its lines are marked late or overdue against. */
    private LocalDate provinceDue;
    private List<ReportPeriod> periods = List.of();
    /** The version the next save or submission presents; refreshed after another user's change. */
    private int shownVersion;

    AnnualReportsView(AnnualReports reports, AccessGuard guard, Clock clock) {
        this.reports = reports;
        this.zone = clock.getZone();
        this.today = LocalDate.now(clock);
        this.provinceWide = guard.caller().isProvinceWide();
        addClassName("list-view");
        setSizeFull();
        add(new Paragraph(getTranslation("report.help")));
        year.setLabel(getTranslation("report.year"));
        year.setId("report-year");
        year.addValueChangeListener(e -> show());
        add(year);
        Optional<UnitId> current = CurrentUnit.get();
        if (current.isPresent() && (!provinceWide || reports.canEdit(current.get()))) {
            unit = current.get();
        }
        unitPanel.setWidthFull();
        if (provinceWide) {
            TabSheet sheet = new TabSheet();
            sheet.setWidthFull();
            if (unit != null) {
                sheet.add(getTranslation("report.tab.unit"), unitPanel);
            }
            sheet.add(getTranslation("report.tab.province"), provincePanel);
            sheet.add(getTranslation("report.tab.periods"), periodsTab());
            add(sheet);
        } else {
            add(unitPanel);
        }
        provinceGrid.addColumn(ProvinceReport.Line::code).setHeader(getTranslation("unit.code")).setAutoWidth(true)
                .setFlexGrow(0);
        provinceGrid.addColumn(ProvinceReport.Line::name).setHeader(getTranslation("unit.name")).setFlexGrow(3);
        provinceGrid.addColumn(l -> getTranslation("unitType." + l.type())).setHeader(getTranslation("unit.type"))
                .setAutoWidth(true);
        provinceGrid.addComponentColumn(this::lineStatus).setHeader(getTranslation("report.status"))
                .setAutoWidth(true).setFlexGrow(0);
        provinceGrid.addColumn(l -> l.submittedAt() == null ? "" : Formats.dateTime(l.submittedAt(), zone))
                .setHeader(getTranslation("report.submittedAt")).setAutoWidth(true).setFlexGrow(0);
        provinceGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        provinceGrid.setHeight("28rem");
        provinceGrid.addItemClickListener(e -> openSubmitted(e.getItem()));
        refreshPeriods();
    }

    /** {@code ?year=2026&unit=12}: that year, and that unit's report (its own screen, or its line in the province). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<UnitId> asked = first(query, "unit").map(Long::valueOf).map(UnitId::new);
        if (asked.isPresent() && !provinceWide && reports.canEdit(asked.get())) {
            unit = asked.get();
        }
        focus = provinceWide ? asked.orElse(null) : null;
        Optional<Integer> askedYear = first(query, "year").map(Integer::valueOf)
                .filter(y -> periods.stream().anyMatch(p -> p.year() == y));
        if (askedYear.isPresent() && !askedYear.get().equals(year.getValue())) {
            year.setValue(askedYear.get());
        } else {
            show();
        }
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().filter(v -> v.matches("\\d{1,12}")).findFirst();
    }

    private void refreshPeriods() {
        periods = reports.periods();
        periodGrid.setItems(periods);
        Integer chosen = year.getValue();
        year.setItems(periods.stream().map(ReportPeriod::year).toList());
        year.setValue(chosen != null ? chosen : periods.stream().map(ReportPeriod::year).findFirst().orElse(null));
        show();
    }

    void show() {
        unitPanel.removeAll();
        provincePanel.removeAll();
        Integer chosen = year.getValue();
        if (chosen == null) {
            unitPanel.add(new Paragraph(getTranslation("report.noPeriods")));
            provincePanel.add(new Paragraph(getTranslation("report.noPeriods")));
            return;
        }
        if (unit != null) {
            showUnit(chosen);
        }
        if (provinceWide) {
            showProvince(chosen);
        }
    }

    private void showUnit(int chosen) {
        Optional<AnnualReport> found = reports.find(unit, chosen);
        if (found.isEmpty()) {
            ReportPeriod period = periods.stream().filter(p -> p.year() == chosen).findFirst().orElseThrow();
            unitPanel.add(new Paragraph(getTranslation("report.none", String.valueOf(chosen),
                    Formats.date(period.dueOn()))));
            if (period.isOverdue(today)) {
                unitPanel.add(Badges.of(getTranslation("report.overdue"), "badge error"));
            }
            if (reports.canEdit(unit)) {
                Button open = new Button(getTranslation("report.open"), VaadinIcon.PLUS.create(), e -> {
                    try {
                        reports.open(unit, chosen);
                        show();
                    } catch (DomainException ex) {
                        Notifications.error(ex);
                    }
                });
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                open.setId("report-open");
                unitPanel.add(open);
            }
            return;
        }
        AnnualReport report = found.get();
        shownVersion = report.version();
        boolean editable = !report.isSubmitted() && reports.canEdit(unit);
        unitPanel.add(header(report), figures(report.figures()));
        bodies.clear();
        for (AnnualReport.Section section : report.sections()) {
            TextArea body = new TextArea(section.heading());
            body.setValue(section.body());
            body.setWidthFull();
            body.setMinHeight("6rem");
            body.setMaxLength(20_000);
            body.setReadOnly(!editable);
            bodies.add(body);
            unitPanel.add(body);
            if (bodies.size() == 1 && editable) {
                unitPanel.add(compiledNote(report, body));
            }
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editable) {
            Button save = new Button(getTranslation("common.save"), e -> attempt(() -> reports.save(report.id(),
                    shownVersion, texts()), "report.saved"));
            save.setId("report-save");
            actions.add(save);
        }
        if (!report.isSubmitted() && reports.canSubmit(unit)) {
            Button submit = new Button(getTranslation("report.submit"), VaadinIcon.PAPERPLANE.create(),
                    e -> Dialogs.confirmDestructive(getTranslation("report.submit"),
                            getTranslation("report.submit.confirm", String.valueOf(report.year())), getTranslation("report.submit"),
                            () -> attempt(() -> reports.submit(report.id(), shownVersion, texts()),
                                    "report.submitted")));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("report-submit");
            actions.add(submit);
        }
        Texts texts = Messages.texts(getLocale());
        String file = "BAO-CAO-ISO-" + report.year();
        actions.add(Downloads.file(getTranslation("report.xlsx"), file + ".xlsx", XLSX,
                        () -> reports.xlsx(unit, chosen, texts)),
                Downloads.pdf(getTranslation("report.pdf"), file + ".pdf", () -> reports.pdf(unit, chosen, texts)));
        unitPanel.add(actions);
    }

    /**
     * Under the first section: that it follows the figures until edited, or that it was edited and may no longer
     * match them, with a button to write it from the figures again.
     */
    private Component compiledNote(AnnualReport report, TextArea first) {
        Div note = new Div();
        note.addClassName("compiled-note");
        note.setId("report-compiled-note");
        if (!report.summaryEdited()) {
            note.add(new Span(getTranslation("report.compiled.follows")));
            return note;
        }
        Button rewrite = new Button(getTranslation("report.compiled.rewrite"), VaadinIcon.REFRESH.create(),
                e -> first.setValue(report.compiledSummary()));
        rewrite.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        rewrite.setId("report-rewrite");
        note.add(Badges.of(getTranslation("report.compiled.edited"), "badge contrast"), rewrite);
        return note;
    }

    private List<String> texts() {
        return bodies.stream().map(TextArea::getValue).toList();
    }

    private void attempt(Runnable action, String successKey) {
        try {
            action.run();
            Notifications.success(getTranslation(successKey));
            show();
        } catch (ConcurrentEditException ex) {
            // Somebody saved meanwhile: say so, keep what is typed here, and let the next click save it over theirs.
            Notifications.error(ex);
            reports.find(unit, year.getValue()).ifPresent(r -> shownVersion = r.version());
        } catch (DomainException ex) {
            Notifications.error(ex);
        }
    }

    private Component header(AnnualReport report) {
        Div facts = new Div(statusBadge(report.status()),
                Badges.fact(getTranslation("report.dueOn"), Formats.date(report.dueOn())),
                Badges.fact(getTranslation("report.submittedAt"), report.submittedAt() == null ? null
                        : Formats.dateTime(report.submittedAt(), zone) + " · " + report.submittedBy()));
        facts.addClassName("facts");
        if (!report.isSubmitted() && report.dueOn().isBefore(today)) {
            facts.add(Badges.of(getTranslation("report.overdue"), "badge error"));
        }
        if (report.submittedLate(zone)) {
            facts.add(Badges.of(getTranslation("report.late"), "badge error"));
        }
        return facts;
    }

    private Component figures(Map<Figure, Long> values) {
        Div figures = new Div();
        figures.addClassName("figures");
        figures.setWidthFull();
        values.forEach((f, v) -> {
            Div figure = new Div(new Span(String.valueOf(v)), new Span(getTranslation("figure." + f)));
            figure.addClassName("figure");
            figures.add(figure);
        });
        return figures;
    }

    private void showProvince(int chosen) {
        ProvinceReport province = reports.province(chosen);
        provinceDue = province.dueOn();
        provinceGrid.setItems(province.lines());
        province.lines().stream().filter(l -> l.unitId().equals(focus)).findFirst().ifPresent(line -> {
            provinceGrid.select(line);
            provinceGrid.scrollToItem(line);
            Paragraph picked = new Paragraph(getTranslation("report.focus", line.name(), String.valueOf(chosen)));
            picked.setId("report-focus");
            picked.add(new Text(" "), lineStatus(line));
            provincePanel.add(picked);
        });
        Texts texts = Messages.texts(getLocale());
        String file = "BAO-CAO-ISO-TOAN-TINH-" + chosen;
        long units = province.lines().size();
        Div counts = new Div(FigureCard.of(units, getTranslation("report.units")),
                FigureCard.of(province.submitted(), getTranslation("report.submittedCount")),
                FigureCard.of(units - province.submitted(), getTranslation("report.missingCount")));
        counts.addClassName("figures");
        counts.setWidthFull();
        HorizontalLayout exports = new HorizontalLayout(
                Downloads.file(getTranslation("report.xlsx"), file + ".xlsx", XLSX,
                        () -> reports.provinceXlsx(chosen, texts)),
                Downloads.pdf(getTranslation("report.pdf"), file + ".pdf", () -> reports.provincePdf(chosen, texts)));
        provincePanel.add(new Paragraph(getTranslation("report.province.help", String.valueOf(chosen),
                Formats.date(province.dueOn()))), counts, new H4(getTranslation("report.province.totals")),
                figures(province.totals()), exports, provinceGrid);
    }


    private void openSubmitted(ProvinceReport.Line line) {
        if (line.status() != AnnualReport.Status.SUBMITTED) {
            return;
        }
        Optional<AnnualReport> found = reports.find(line.unitId(), year.getValue());
        if (found.isEmpty()) {
            return;
        }
        AnnualReport report = found.get();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("report.pdf.title", String.valueOf(report.year())) + " · " + report.unitName());
        dialog.setWidth("min(56rem, 100vw)");
        dialog.add(header(report), figures(report.figures()));
        for (AnnualReport.Section section : report.sections()) {
            dialog.add(new H4(section.heading()), new Paragraph(section.body()));
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private Component periodsTab() {
        periodGrid.addColumn(p -> String.valueOf(p.year())).setHeader(getTranslation("report.year")).setAutoWidth(true)
                .setFlexGrow(0);
        periodGrid.addColumn(p -> Formats.date(p.dueOn())).setHeader(getTranslation("report.dueOn"))
                .setAutoWidth(true).setFlexGrow(0);
        periodGrid.addColumn(p -> String.join(" · ", p.sections())).setHeader(getTranslation("report.sections"))
                .setFlexGrow(3);
        periodGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        periodGrid.setAllRowsVisible(true);
        periodGrid.addItemClickListener(e -> openPeriod(e.getItem()));
        Button add = new Button(getTranslation("report.period.add"), VaadinIcon.PLUS.create(), e -> openPeriod(null));
        add.setId("report-period-add");
        VerticalLayout tab = new VerticalLayout(add, periodGrid);
        tab.setPadding(false);
        return tab;
    }

    /** Adds a period ({@code period} null) or edits one: the year, the deadline, one section heading per line. */
    void openPeriod(ReportPeriod period) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(period == null ? "report.period.add" : "report.period.edit"));
        dialog.setWidth("min(44rem, 100vw)");
        IntegerField reportYear = new IntegerField(getTranslation("report.year"));
        reportYear.setId("period-year");
        reportYear.setValue(period == null ? today.getYear() : period.year());
        reportYear.setReadOnly(period != null);
        DatePicker due = new DatePicker(getTranslation("report.dueOn"));
        due.setId("period-due");
        DatePickers.localise(due);
        due.setValue(period == null ? LocalDate.of(today.getYear(), 12, 15) : period.dueOn());
        TextArea sections = new TextArea(getTranslation("report.sections"));
        sections.setHelperText(getTranslation("report.sections.help"));
        sections.setId("period-sections");
        sections.setWidthFull();
        sections.setMaxLength(4000);
        sections.setValue(String.join("\n", period == null ? reports.sectionsForNewPeriod() : period.sections()));
        dialog.add(new VerticalLayout(reportYear, due, sections));
        Dialogs.footer(dialog, getTranslation("common.save"), () -> reports.savePeriod(reportYear.getValue(),
                period == null ? null : period.version(), due.getValue(), sections.getValue()),
                getTranslation("report.period.saved"), this::refreshPeriods).setId("period-save");
        dialog.open();
    }

    /** A unit's report in the province list: its status, marked late or overdue against the year's deadline. */
    private Component lineStatus(ProvinceReport.Line line) {
        Span status = new Span(statusBadge(line.status()));
        LocalDate due = provinceDue;
        if (AnnualReport.isLate(due, line.submittedAt(), zone)) {
            status.add(new Text(" "), Badges.of(getTranslation("report.late"), "badge error"));
        } else if (line.status() != AnnualReport.Status.SUBMITTED && due.isBefore(today)) {
            status.add(new Text(" "), Badges.of(getTranslation("report.overdue"), "badge error"));
        }
        return status;
    }

    private Component statusBadge(AnnualReport.Status status) {
        return Badges.of(getTranslation("reportStatus." + (status == null ? "NONE" : status.name())),
                status == AnnualReport.Status.SUBMITTED ? "badge success" : status == null ? "badge error" : "badge");
    }

    @Override
    public String titleKey() {
        return "nav.annualReports";
    }
}
