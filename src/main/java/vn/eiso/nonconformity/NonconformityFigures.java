package vn.eiso.nonconformity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.Texts;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.reporting.XlsxReport;

/** Figures of the register for a unit, or for the whole province for the science department, and their export. */
@Service
public class NonconformityFigures {

    private final JooqNcFigures figures;
    private final JooqNonconformityRepository repository;
    private final AccessGuard guard;
    private final Clock clock;

    NonconformityFigures(JooqNcFigures figures, JooqNonconformityRepository repository, AccessGuard guard,
            Clock clock) {
        this.figures = figures;
        this.repository = repository;
        this.guard = guard;
        this.clock = clock;
    }

    /** One unit's figures; {@code unit} null means every unit, for the science department and administrators. */
    @Transactional(readOnly = true)
    public NcFigures of(UnitId unit) {
        Set<UnitId> scope = scope(unit);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime yearAgo = today.minusYears(1).atStartOfDay(zone).toOffsetDateTime();
        Map<String, Long> byAge = new LinkedHashMap<>();
        Arrays.stream(NcFigures.AGE_BUCKETS).forEach(b -> byAge.put(b, 0L));
        Map<String, Long> bySource = new LinkedHashMap<>();
        Arrays.stream(Nonconformity.Source.values()).forEach(s -> bySource.put(s.name(), 0L));
        Map<String, Long> byClause = new TreeMap<>(NonconformityFigures::clauseOrder);
        Map<String, Long> byUnit = new TreeMap<>();
        long open = 0;
        long closed = 0;
        long closingDays = 0;
        for (JooqNcFigures.Row row : figures.rows(scope, yearAgo)) {
            LocalDate reported = row.reportedAt().atZoneSameInstant(zone).toLocalDate();
            if (Nonconformity.Status.CLOSED.name().equals(row.status())) {
                if (row.dismissed()) {
                    // Closed at triage as "not a nonconformity": no loop was run, so it says nothing of closing.
                    continue;
                }
                closed++;
                closingDays += ChronoUnit.DAYS.between(reported, row.closedAt().atZoneSameInstant(zone).toLocalDate());
                continue;
            }
            open++;
            byAge.merge(NcFigures.bucket(ChronoUnit.DAYS.between(reported, today)), 1L, Long::sum);
            bySource.merge(row.source(), 1L, Long::sum);
            byClause.merge(topClause(row.clause()), 1L, Long::sum);
            byUnit.merge(row.unitName(), 1L, Long::sum);
        }
        return new NcFigures(open, closed, closed == 0 ? null : (double) closingDays / closed,
                figures.overdueActions(scope, today), byAge, bySource, byClause, byUnit);
    }

    /** The register and its figures as a workbook, in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] xlsx(UnitId unit, Texts texts) {
        NcFigures f = of(unit);
        ZoneId zone = clock.getZone();
        List<List<Object>> register = new ArrayList<>();
        List<Nonconformity> all = new ArrayList<>();
        if (unit == null) {
            repository.forEach(all::add);
        } else {
            all.addAll(repository.ofUnit(unit, false));
        }
        for (Nonconformity n : all) {
            register.add(List.of(n.id().label(), n.reportedAt().atZoneSameInstant(zone).toLocalDate(),
                    n.unitName(), texts.get("ncSource." + n.source()),
                    texts.get("ncSeverity." + (n.isSeverityAssessed() ? n.severity() : "NOT_ASSESSED")),
                    nonNull(n.clauseCode()), nonNull(n.documentCode()), n.description(),
                    texts.get("ncStatus." + n.status()), nonNull(n.rootCause()),
                    n.closedAt() == null ? "" : n.closedAt().atZoneSameInstant(zone).toLocalDate()));
        }
        List<List<Object>> figuresSheet = new ArrayList<>();
        figuresSheet.add(List.of(texts.get("ncFigures.open"), f.open()));
        figuresSheet.add(List.of(texts.get("ncFigures.closedLastYear"), f.closedLastYear()));
        figuresSheet.add(List.of(texts.get("ncFigures.meanDays"), f.meanDaysToClose() == null ? ""
                : Math.round(f.meanDaysToClose() * 10) / 10.0));
        figuresSheet.add(List.of(texts.get("ncFigures.overdueActions"), f.overdueActions()));
        f.openByAge().forEach((k, v) -> figuresSheet.add(List.of(texts.get("ncFigures.age", k), v)));
        f.openBySource().forEach((k, v) -> figuresSheet.add(List.of(texts.get("ncSource." + k), v)));
        f.openByClause().forEach((k, v) -> figuresSheet.add(List.of(clauseLabel(k, texts), v)));
        f.openByUnit().forEach((k, v) -> figuresSheet.add(List.of(k, v)));
        return new XlsxReport()
                .sheet(texts.get("ncFigures.sheet.register"), List.of(texts.get("nc.id"), texts.get("nc.reportedAt"),
                        texts.get("nc.unit"), texts.get("nc.source"), texts.get("nc.severity"),
                        texts.get("nc.clause"), texts.get("nc.procedure"), texts.get("nc.description"),
                        texts.get("nc.status"), texts.get("nc.rootCause"), texts.get("nc.closedAt")), register)
                .sheet(texts.get("ncFigures.sheet.figures"), List.of(texts.get("ncFigures.figure"),
                        texts.get("ncFigures.value")), figuresSheet)
                .toBytes();
    }

    /** Null (every unit) for the province-wide readers; otherwise the one unit, after checking the caller reads it. */
    private Set<UnitId> scope(UnitId unit) {
        Caller caller = guard.caller();
        if (unit == null) {
            if (!caller.isProvinceWide()) {
                throw new AccessDeniedException("only the science department sees the province's figures");
            }
            return null;
        }
        guard.requireReadAccess(unit);
        return Set.of(unit);
    }

    /** How a group of {@code openByClause} reads: "Điều 7", or "Chưa gắn điều" for those filed under none. */
    public static String clauseLabel(String topClause, Texts texts) {
        return NO_CLAUSE.equals(topClause) ? texts.get("ncFigures.noClause") : texts.get("ncFigures.clause", topClause);
    }

    private static final String NO_CLAUSE = "—";

    /** "7.5" → "7"; none → "—". */
    static String topClause(String clause) {
        if (clause == null || clause.isBlank()) {
            return NO_CLAUSE;
        }
        int dot = clause.indexOf('.');
        return dot < 0 ? clause : clause.substring(0, dot);
    }

    private static int clauseOrder(String a, String b) {
        return Integer.compare(order(a), order(b));
    }

    private static int order(String clause) {
        return clause.matches("\\d+") ? Integer.parseInt(clause) : Integer.MAX_VALUE;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
