package vn.eiso.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.IntStream;
import vn.eiso.audit.AuditSummary;
import vn.eiso.audit.AuditorPool;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ProgrammeCoverage;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;

/**
 * The unit's audit programme for a year: the audits as a list and as a calendar, what the plan leaves uncovered,
 * and the audits the user is on the team of, in whatever unit.
 */
@Route("audits")
@Menu(order = 5, icon = "vaadin:clipboard-check", title = "nav.audits")
@PermitAll
class AuditsView extends VerticalLayout implements TitledView {

    final Grid<AuditSummary> grid = new Grid<>();
    final Select<Integer> year = new Select<>();
    private final Audits audits;
    private final AuditorPool pool;
    private final LocalDate today;
    private final Div content = new Div();

    AuditsView(Audits audits, AuditorPool pool, Clock clock) {
        this.audits = audits;
        this.pool = pool;
        this.today = LocalDate.now(clock);
        addClassName("list-view");
        setSizeFull();
        List<AuditSummary> mine = audits.assignedToMe().stream().filter(a -> a.status().isOpen()).toList();
        if (!mine.isEmpty()) {
            add(new H3(getTranslation("audits.mine")), summaryGrid(mine, true));
        }
        if (CurrentUnit.get().isEmpty()) {
            if (mine.isEmpty()) {
                add(new Paragraph(getTranslation("dashboard.unit.none")));
            }
            return;
        }
        UnitId unit = CurrentUnit.get().orElseThrow();
        year.setLabel(getTranslation("audits.year"));
        year.setItems(IntStream.rangeClosed(today.getYear() - 3, today.getYear() + 1).boxed().toList());
        year.setValue(today.getYear());
        year.addValueChangeListener(e -> show(unit));
        HorizontalLayout bar = new HorizontalLayout(year);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        if (audits.canPlan(unit)) {
            Button plan = new Button(getTranslation("audits.plan"), VaadinIcon.PLUS.create(),
                    e -> new AuditPlanDialog(audits, pool, unit, today, () -> show(unit)).open());
            plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            plan.setId("audits-plan");
            bar.add(plan);
        }
        content.setWidthFull();
        add(new Paragraph(getTranslation("audits.help")), bar, content);
        show(unit);
    }

    private void show(UnitId unit) {
        content.removeAll();
        int shown = year.getValue();
        List<AuditSummary> programme = audits.programme(unit, shown);
        TabSheet sheet = new TabSheet();
        sheet.setWidthFull();
        grid.setItems(programme);
        configure(grid, false);
        grid.setAllRowsVisible(true);
        sheet.add(getTranslation("audits.tab.list"), programme.isEmpty()
                ? new Paragraph(getTranslation("audits.none")) : grid);
        sheet.add(getTranslation("audits.tab.calendar"), calendar(programme, shown));
        sheet.add(getTranslation("audits.tab.coverage"), coverage(audits.coverage(unit, shown)));
        content.add(sheet);
    }

    private Grid<AuditSummary> summaryGrid(List<AuditSummary> items, boolean withUnit) {
        Grid<AuditSummary> mine = new Grid<>();
        configure(mine, withUnit);
        mine.setItems(items);
        mine.setAllRowsVisible(true);
        return mine;
    }

    private void configure(Grid<AuditSummary> target, boolean withUnit) {
        if (!target.getColumns().isEmpty()) {
            return;
        }
        target.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // A readable width for the title; on a phone the grid scrolls sideways rather than squeezing it.
        target.addComponentColumn(a -> new Anchor("audit/" + a.id().value(), a.title()))
                .setHeader(getTranslation("audit.title")).setWidth("14rem").setFlexGrow(3);
        if (withUnit) {
            target.addColumn(AuditSummary::unitName).setHeader(getTranslation("audit.unit")).setFlexGrow(2);
        }
        target.addColumn(a -> Formats.date(a.startsOn()) + " – " + Formats.date(a.endsOn()))
                .setHeader(getTranslation("audit.dates")).setAutoWidth(true);
        target.addColumn(AuditSummary::leadName).setHeader(getTranslation("audit.lead")).setAutoWidth(true);
        target.addComponentColumn(this::status).setHeader(getTranslation("audit.status")).setAutoWidth(true);
        target.addColumn(AuditSummary::findings).setHeader(getTranslation("audit.findings")).setAutoWidth(true);
    }

    private Component status(AuditSummary a) {
        Span status = AuditBadges.status(a.status());
        if (!a.isOverdue(today)) {
            return status;
        }
        return new Span(status, Badges.of(getTranslation("audits.overdue"), "badge error primary"));
    }

    /** Twelve months, each with the audits that start in it; overdue ones stand out. */
    private Component calendar(List<AuditSummary> programme, int shownYear) {
        Div months = new Div();
        months.addClassName("audit-calendar");
        for (Month month : Month.values()) {
            Div box = new Div(new H4(getTranslation("date.month", month.getValue(), shownYear)));
            box.addClassName("calendar-month");
            if (shownYear == today.getYear() && month == today.getMonth()) {
                box.addClassName("current");
            }
            programme.stream().filter(a -> a.startsOn().getMonth() == month).forEach(a -> {
                Anchor chip = new Anchor("audit/" + a.id().value(),
                        a.startsOn().getDayOfMonth() + "–" + Formats.date(a.endsOn()).substring(0, 5) + " · " + a.title());
                chip.addClassName("calendar-audit");
                chip.addClassName(a.isOverdue(today) ? "overdue" : a.status().name().toLowerCase());
                box.add(chip);
            });
            months.add(box);
        }
        return months;
    }

    private Component coverage(ProgrammeCoverage coverage) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.add(new Paragraph(getTranslation("audits.coverage.help")));
        if (coverage.isComplete()) {
            layout.add(Badges.of(getTranslation("audits.coverage.complete"), "badge success"));
        }
        if (!coverage.uncoveredClauses().isEmpty()) {
            layout.add(Badges.of(getTranslation("audits.coverage.clauses",
                    String.join(", ", coverage.uncoveredClauses())), "badge error"));
        }
        Grid<ProgrammeCoverage.ProcedureCoverage> procedures = new Grid<>();
        procedures.addColumn(p -> p.code() + " · " + p.title()).setHeader(getTranslation("audits.coverage.procedure"))
                .setFlexGrow(3);
        procedures.addColumn(ProgrammeCoverage.ProcedureCoverage::planned)
                .setHeader(getTranslation("audits.coverage.planned")).setAutoWidth(true);
        procedures.addColumn(ProgrammeCoverage.ProcedureCoverage::required)
                .setHeader(getTranslation("audits.coverage.required")).setAutoWidth(true);
        procedures.addColumn(p -> p.citizenFacing() ? getTranslation("audits.coverage.citizen")
                        : p.previousFindings() > 0 ? getTranslation("audits.coverage.previous", p.previousFindings()) : "")
                .setHeader(getTranslation("audits.coverage.why")).setFlexGrow(2);
        procedures.addComponentColumn(p -> p.isShort()
                        ? Badges.of(getTranslation("audits.coverage.short"), "badge error")
                        : Badges.of(getTranslation("audits.coverage.ok"), "badge success"))
                .setAutoWidth(true);
        procedures.setItems(coverage.procedures());
        procedures.setAllRowsVisible(true);
        layout.add(procedures);
        return layout;
    }

    @Override
    public String titleKey() {
        return "nav.audits";
    }
}
