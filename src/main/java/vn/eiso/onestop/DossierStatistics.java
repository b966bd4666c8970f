package vn.eiso.onestop;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Spreadsheet.Column;
import vn.eiso.base.Spreadsheet;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.catalogue.TthcCode;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;

/**
 * The one-stop software's monthly dossier figures per unit and TTHC: imported from its export (XLSX/CSV) by the
 * science department, or pushed by it through the API. Every line is checked first (counts not negative, a month
 * not in the future, a known unit and a procedure of the catalogue); a file or a push with any bad line stores
 * nothing. A later figure for the same unit, procedure and month replaces the earlier one, so a push may be
 * repeated.
 */
@Service
public class DossierStatistics {

    public static final String TARGET = "DOSSIER_STATISTICS";
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_LINES = 50_000;
    private static final List<Column> COLUMNS = List.of(
            Column.required("unit", "mã đơn vị", "đơn vị"),
            Column.required("tthc", "mã thủ tục", "mã tthc"),
            Column.required("month", "tháng", "kỳ"),
            Column.required("received", "tiếp nhận", "số hồ sơ tiếp nhận"),
            Column.required("on_time", "đúng hạn", "giải quyết đúng hạn"),
            Column.required("late", "quá hạn", "giải quyết quá hạn"),
            Column.required("pending", "đang giải quyết"),
            Column.required("returned", "trả lại", "hoàn trả"));
    private static final List<DateTimeFormatter> MONTHS = List.of(DateTimeFormatter.ofPattern("M/yyyy"),
            DateTimeFormatter.ofPattern("yyyy-MM"));

    /** Why a line or an item cannot be taken. */
    public record LineError(int line, String messageKey, List<Object> args) {
    }

    /** What a file or a push held, and what was stored: nothing when any line is wrong. */
    public record Result(int lines, int stored, List<LineError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }
    }

    private final JooqDossierRepository repository;
    private final UnitService units;
    private final TthcCatalogue catalogue;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final double lateShareThreshold;
    private final ApplicationEventPublisher events;

    DossierStatistics(JooqDossierRepository repository, UnitService units, TthcCatalogue catalogue, AccessGuard guard,
            AuditTrail trail, Clock clock,
            @Value("${eiso.onestop.late-share-threshold:0.05}") double lateShareThreshold,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.units = units;
        this.catalogue = catalogue;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.lateShareThreshold = lateShareThreshold;
    }

    /** Imports the one-stop export (the science department or an administrator): all lines or none. */
    @Transactional
    public Result importFile(String fileName, byte[] content) {
        guard.requireProvinceWide();
        if (content == null || content.length == 0) {
            throw new DomainException("error.sheet.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.dossier.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        List<Line> lines = new ArrayList<>();
        Map<String, UnitId> byCode = new HashMap<>();
        units.all().stream().filter(Unit::isActive)
                .forEach(u -> byCode.put(u.code().toUpperCase(Locale.ROOT), u.id()));
        for (Spreadsheet.Row row : Spreadsheet.read(fileName, content, COLUMNS, MAX_LINES).rows()) {
            UnitId unit = byCode.get(row.get("unit").strip().toUpperCase(Locale.ROOT));
            lines.add(new Line(row.line(), unit, row.get("unit"), row.get("tthc"), row.get("month"),
                    row.get("received"), row.get("on_time"), row.get("late"), row.get("pending"), row.get("returned")));
        }
        return store(lines, "IMPORT", fileName);
    }

    /** Stores figures the one-stop software pushes for one unit: a quality officer or head of it, or province-wide. */
    @Transactional
    public Result push(UnitId unit, List<Item> items) {
        Caller caller = guard.caller();
        if (!caller.isProvinceWide() && !caller.canEdit(unit)) {
            throw new AccessDeniedException("no right to report dossier figures of " + unit);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            lines.add(new Line(i + 1, unit, null, item.tthc(), item.month(), text(item.received()),
                    text(item.onTime()), text(item.late()), text(item.pending()), text(item.returned())));
        }
        return store(lines, "API", units.get(unit).code());
    }

    /** One pushed figure, as the API's JSON has it (the month as 2026-11 or 11/2026). */
    public record Item(String tthc, String month, Integer received, Integer onTime, Integer late, Integer pending,
            Integer returned) {
    }

    /**
     * The unit's figures of the twelve months before this one and of this one so far, all procedures summed, each
     * judged against the threshold of late dossiers among those resolved.
     */
    @Transactional(readOnly = true)
    public List<MonthFigures> monthly(UnitId unit) {
        return monthly(unit, null);
    }

    /** The same for the procedures of one field of the catalogue (its name as the catalogue writes it), or all. */
    @Transactional(readOnly = true)
    public List<MonthFigures> monthly(UnitId unit, String field) {
        guard.requireReadAccess(unit);
        LocalDate from = YearMonth.now(clock).minusMonths(12).atDay(1);
        List<String> codes = field == null ? null : catalogue.entries().stream()
                .filter(t -> t.field().equalsIgnoreCase(field.strip())).map(t -> t.code()).toList();
        return repository.monthly(unit, from, codes).stream().map(m -> new MonthFigures(m.month(), m.received(),
                m.onTime(), m.late(), m.pending(), m.returned(), m.onTime() + m.late() > 0
                        && m.late() > lateShareThreshold * (m.onTime() + m.late()))).toList();
    }

    /**
     * The on-time rate over the same months per unit with figures, for the console: of the units the caller may
     * read, or with a null scope of every unit (province-wide callers).
     */
    @Transactional(readOnly = true)
    public Map<UnitId, Double> onTimeRates(Collection<UnitId> scope) {
        if (scope == null) {
            guard.requireProvinceWide();
        } else {
            scope.forEach(guard::requireReadAccess);
        }
        Map<UnitId, Double> rates = new HashMap<>();
        repository.resolvedSince(YearMonth.now(clock).minusMonths(12).atDay(1)).forEach((unit, r) -> {
            if (r[0] + r[1] > 0 && (scope == null || scope.contains(unit))) {
                rates.put(unit, Math.floor(1000.0 * r[0] / (r[0] + r[1])) / 10.0);
            }
        });
        return rates;
    }

    public double lateShareThreshold() {
        return lateShareThreshold;
    }

    private record Line(int line, UnitId unit, String unitCode, String tthc, String month, String received,
            String onTime, String late, String pending, String returned) {
    }

    private Result store(List<Line> lines, String source, String what) {
        List<LineError> errors = new ArrayList<>();
        List<Map.Entry<UnitId, DossierCount>> counts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        YearMonth thisMonth = YearMonth.now(clock);
        Map<String, String> known = new HashMap<>();
        catalogue.entries().stream().filter(t -> !t.abolished()).forEach(t -> known.put(t.code(), t.code()));
        for (Line l : lines) {
            if (l.unit() == null) {
                errors.add(new LineError(l.line(), "error.dossier.unit", List.of(l.unitCode())));
                continue;
            }
            Optional<YearMonth> month = month(l.month());
            Optional<String> code = TthcCode.shortCode(l.tthc()).map(known::get);
            Integer[] numbers = {number(l.received()), number(l.onTime()), number(l.late()), number(l.pending()),
                number(l.returned())};
            String error = code.isEmpty() ? "error.dossier.tthc"
                    : month.isEmpty() ? "error.dossier.month"
                    : month.get().isAfter(thisMonth) ? "error.dossier.future"
                    : Arrays.stream(numbers).anyMatch(n -> n == null) ? "error.dossier.count"
                    : Arrays.stream(numbers).anyMatch(n -> n < 0) ? "error.dossier.negative"
                    : !seen.add(l.unit().value() + "|" + code.get() + "|" + month.get()) ? "error.dossier.duplicate"
                    : null;
            if (error != null) {
                errors.add(new LineError(l.line(), error, List.of(error.equals("error.dossier.tthc") ? l.tthc()
                        : error.equals("error.dossier.month") || error.equals("error.dossier.future") ? l.month()
                        : "")));
                continue;
            }
            counts.add(Map.entry(l.unit(), new DossierCount(code.get(), month.get(), numbers[0], numbers[1],
                    numbers[2], numbers[3], numbers[4])));
        }
        if (!errors.isEmpty()) {
            return new Result(lines.size(), 0, errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        counts.forEach(e -> repository.upsert(e.getKey(), e.getValue(), source, now));
        events.publishEvent(new DossierFiguresStored(counts.stream().map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet())));
        trail.record("DOSSIER_FIGURES_" + source, TARGET, null, null, what + " · " + counts.size() + " lines");
        return new Result(lines.size(), counts.size(), List.of());
    }

    private static Optional<YearMonth> month(String text) {
        for (DateTimeFormatter format : MONTHS) {
            try {
                return Optional.of(YearMonth.parse(text == null ? "" : text.strip(), format));
            } catch (DateTimeParseException e) {
                // The next form.
            }
        }
        return Optional.empty();
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }
}
