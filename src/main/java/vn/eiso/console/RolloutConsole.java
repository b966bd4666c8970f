package vn.eiso.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;
import vn.eiso.base.UnitId;
import vn.eiso.catalogue.CoverageCount;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.onestop.DossierStatistics;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.Grant;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitType;
import vn.eiso.reporting.XlsxReport;

/**
 * The science department's console: every active unit with its rollout stage and overdue work, computed from the
 * data on each request. The department and administrators see the whole province; anybody else sees the units
 * they belong to.
 */
@Service
public class RolloutConsole {

    private final JooqRolloutFigures figures;
    private final UnitService units;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final int auditIntervalMonths;
    private final TthcCatalogue catalogue;
    private final DossierStatistics dossiers;

    RolloutConsole(JooqRolloutFigures figures, UnitService units, AccessGuard guard, AuditTrail trail, Clock clock,
            @Value("${eiso.audit.max-months-between:12}") int auditIntervalMonths, TthcCatalogue catalogue,
            DossierStatistics dossiers) {
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.figures = figures;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.auditIntervalMonths = auditIntervalMonths;
    }

    @Transactional(readOnly = true)
    public ProvinceOverview overview() {
        Caller caller = guard.caller();
        if (caller.isProvinceWide()) {
            List<Unit> all = units.all();
            Map<UnitId, String> names = all.stream().collect(Collectors.toMap(Unit::id, Unit::name));
            return overview(all, null, u -> u.parentId() == null ? null : names.get(u.parentId()));
        }
        List<Unit> own = caller.grants().stream().map(Grant::unitId).distinct().map(units::get).toList();
        return overview(own, own.stream().map(Unit::id).toList(), u -> units.parentName(u.id()).orElse(null));
    }

    /** One unit with the items behind its counts, for whoever may read the unit. */
    @Transactional(readOnly = true)
    public UnitDetail unit(UnitId id) {
        guard.requireReadAccess(id);
        Unit unit = units.get(id);
        UnitStanding standing = overview(List.of(unit), List.of(id), u -> units.parentName(id).orElse(null))
                .units().stream().findFirst().orElseThrow(() -> new DomainException("error.unit.notFound"));
        List<OverdueItem> items = new ArrayList<>(figures.items(id, today(), clock.getZone()));
        standing.facts().auditOverdueSince(today(), auditIntervalMonths).ifPresent(due -> items.add(
                new OverdueItem(OverdueItem.Kind.NO_RECENT_AUDIT, null, null, due, null)));
        return new UnitDetail(standing, items);
    }

    /** The units the filter keeps, and the figures over them, as a workbook in the reader's language. */
    @Transactional
    public byte[] xlsx(ConsoleFilter filter, Texts texts) {
        ProvinceOverview overview = overview();
        List<UnitStanding> rows = overview.filter(filter);
        List<List<Object>> unitRows = new ArrayList<>();
        for (UnitStanding u : rows) {
            StageFacts f = u.facts();
            List<Object> row = new ArrayList<>(List.of(u.code(), u.name(),
                    texts.get("console.level." + Level.of(u.type())), texts.get("unitType." + u.type()),
                    orEmpty(u.parentName()), texts.get("stage." + u.stage()), orEmpty(f.appliedSince()),
                    orEmpty(f.lastAudit()), orEmpty(f.lastReview()), orEmpty(f.announcedOn())));
            for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
                row.add(u.overdue().count(kind));
            }
            row.add(u.tthc().procedures());
            row.add(u.tthc().covered());
            row.add(u.onTimeRate() == null ? "" : u.onTimeRate());
            unitRows.add(row);
        }
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(texts.get("console.figure.units"), (long) rows.size()));
        summary.add(List.of(texts.get("console.figure.announced"), ProvinceOverview.announced(rows)));
        summary.add(List.of(texts.get("console.figure.withOverdue"), ProvinceOverview.withOverdue(rows)));
        ProvinceOverview.byStage(rows).forEach((stage, n) -> summary.add(List.of(texts.get("stage." + stage), n)));
        List<String> headers = new ArrayList<>(List.of(texts.get("unit.code"), texts.get("unit.name"),
                texts.get("console.level"), texts.get("unit.type"), texts.get("unit.parent"), texts.get("console.stage"),
                texts.get("console.appliedSince"), texts.get("console.lastAudit"), texts.get("console.lastReview"),
                texts.get("console.announcedOn")));
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            headers.add(texts.get("console.kind." + kind));
            summary.add(List.of(texts.get("console.kind." + kind), ProvinceOverview.sum(rows, kind)));
        }
        headers.add(texts.get("console.tthc.procedures"));
        headers.add(texts.get("console.tthc.covered"));
        headers.add(texts.get("console.onTimeRate"));
        CoverageCount tthc = ProvinceOverview.tthc(rows);
        summary.add(List.of(texts.get("console.tthc.procedures"), (long) tthc.procedures()));
        summary.add(List.of(texts.get("console.tthc.covered"), (long) tthc.covered()));
        byte[] workbook = new XlsxReport()
                .sheet(texts.get("console.sheet.units"), headers, unitRows)
                .sheet(texts.get("console.sheet.summary"), List.of(texts.get("console.figure"),
                        texts.get("console.value")), summary)
                .toBytes();
        trail.record("CONSOLE_EXPORTED", "CONSOLE", null, null, rows.size() + " units");
        return workbook;
    }

    private ProvinceOverview overview(List<Unit> candidates, Collection<UnitId> scope,
            Function<Unit, String> parentName) {
        LocalDate today = today();
        Map<Long, StageFacts> facts = figures.facts(scope, clock.getZone());
        Map<Long, Integer> reviews = figures.overdueReviews(scope, today);
        Map<Long, Integer> audits = figures.overdueAudits(scope, today);
        Map<Long, Integer> ncs = figures.overdueNonconformities(scope, today);
        Map<Long, Integer> reports = figures.overdueReports(scope, today, clock.getZone());
        Map<Long, Integer> reannounce = figures.dueReannouncements(scope);
        Map<UnitId, CoverageCount> tthc = catalogue.coverageCounts(scope);
        Map<UnitId, Double> onTime = dossiers.onTimeRates(scope);
        List<UnitStanding> standings = candidates.stream()
                .filter(u -> u.isActive() && u.type() != UnitType.PROVINCE)
                .sorted(Comparator.comparing(Unit::type).thenComparing(Unit::code))
                .map(u -> {
                    long id = u.id().value();
                    StageFacts f = facts.getOrDefault(id, StageFacts.NONE);
                    return new UnitStanding(u.id(), u.code(), u.name(), u.type(), parentName.apply(u),
                            Stage.of(f, today), f, new UnitStanding.Overdue(reviews.getOrDefault(id, 0),
                                    audits.getOrDefault(id, 0),
                                    f.auditOverdueSince(today, auditIntervalMonths).isPresent() ? 1 : 0,
                                    ncs.getOrDefault(id, 0),
                                    reports.getOrDefault(id, 0),
                                    reannounce.getOrDefault(id, 0)), tthc.getOrDefault(u.id(), CoverageCount.NONE),
                            onTime.get(u.id()));
                })
                .toList();
        return new ProvinceOverview(today, standings);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }
}
