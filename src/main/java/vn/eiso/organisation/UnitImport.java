package vn.eiso.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Spreadsheet;
import vn.eiso.base.Spreadsheet.Column;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;

/**
 * Imports units from a CSV file or an XLSX workbook with the columns code, name, type and parent code (by header,
 * in any order, or in that order without one). Every line is checked first and gets its own verdict; by default
 * nothing is written unless every line is valid, and the administrator may instead choose to import only the
 * valid lines. Parents may be earlier or later lines of the same file.
 */
@Service
public class UnitImport {

    /** Larger files are refused before parsing: a province has thousands of units, not millions. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINES = 10_000;

    /** The name the byte-only entry points read their content as. */
    private static final String CSV_NAME = "units.csv";

    private static final List<Column> COLUMNS = List.of(
            Column.required("code", "mã", "mã đơn vị", "unit code"),
            Column.required("name", "tên", "tên đơn vị", "unit name"),
            Column.required("type", "loại", "loại đơn vị", "unit type"),
            Column.optional("parent_code", "parent", "parent unit", "mã đơn vị cha", "mã đơn vị cấp trên",
                    "đơn vị cấp trên", "cấp trên"));

    private final UnitService service;
    private final JooqUnitRepository units;
    private final AccessGuard guard;
    private final AuditTrail trail;

    UnitImport(UnitService service, JooqUnitRepository units, AccessGuard guard, AuditTrail trail) {
        this.service = service;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
    }

    /** The verdict on one line: no error key means it is (or would be) imported. */
    public record LineReport(int line, String code, String name, String errorKey, List<Object> errorArgs) {

        public boolean valid() {
            return errorKey == null;
        }
    }

    /** What the import found, whether it wrote anything, and the header cells it did not use. */
    public record Report(List<LineReport> lines, int imported, List<String> ignoredColumns) {

        public Report {
            lines = List.copyOf(lines);
            ignoredColumns = List.copyOf(ignoredColumns);
        }

        public long invalidCount() {
            return lines.stream().filter(l -> !l.valid()).count();
        }

        public long validCount() {
            return lines.size() - invalidCount();
        }
    }

    /** Checks every line of a CSV file and writes nothing. */
    @Transactional(readOnly = true)
    public Report check(byte[] content) {
        return check(CSV_NAME, content);
    }

    /** Checks every line and writes nothing; a name ending in .xlsx means a workbook, any other CSV. */
    @Transactional(readOnly = true)
    public Report check(String fileName, byte[] content) {
        guard.requireAdministrator();
        Analysis analysis = analyse(fileName, content);
        return new Report(analysis.reports(), 0, analysis.ignoredColumns());
    }

    /** Imports a CSV file, as {@link #importUnits(String, byte[], boolean)} does. */
    @Transactional
    public Report importUnits(byte[] content, boolean onlyValidLines) {
        return importUnits(CSV_NAME, content, onlyValidLines);
    }

    /**
     * Imports the file (a workbook when the name ends in .xlsx, else CSV). With {@code onlyValidLines} false, any
     * invalid line means nothing is imported; with it true, the valid lines are imported and the invalid ones
     * reported.
     */
    @Transactional
    public Report importUnits(String fileName, byte[] content, boolean onlyValidLines) {
        guard.requireAdministrator();
        Analysis analysis = analyse(fileName, content);
        List<Candidate> candidates = analysis.candidates();
        boolean anyInvalid = candidates.stream().anyMatch(c -> !c.report().valid());
        if (anyInvalid && !onlyValidLines) {
            return new Report(analysis.reports(), 0, analysis.ignoredColumns());
        }
        Map<String, UnitId> created = new HashMap<>();
        int imported = 0;
        for (Candidate candidate : inParentOrder(candidates)) {
            UnitId parent = candidate.parentCode() == null ? null
                    : Optional.ofNullable(created.get(key(candidate.parentCode())))
                            .orElseGet(() -> units.findByCode(candidate.parentCode()).orElseThrow().id());
            UnitId id = service.insertChecked(
                    new UnitData(candidate.report().code(), candidate.report().name(), candidate.type(), parent));
            created.put(key(candidate.report().code()), id);
            imported++;
        }
        trail.record("UNITS_IMPORTED", UnitService.TARGET, null, null,
                imported + " imported, " + (candidates.size() - imported) + " rejected");
        return new Report(analysis.reports(), imported, analysis.ignoredColumns());
    }

    private record Candidate(LineReport report, UnitType type, String parentCode) {
    }

    private record Analysis(List<Candidate> candidates, List<String> ignoredColumns) {

        List<LineReport> reports() {
            return candidates.stream().map(Candidate::report).toList();
        }
    }

    private Analysis analyse(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.import.tooLarge", MAX_BYTES / 1024);
        }
        Spreadsheet.Sheet sheet = Spreadsheet.read(fileName, content, COLUMNS, MAX_LINES);
        Map<String, Integer> codesInFile = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Spreadsheet.Row row : sheet.rows()) {
            candidates.add(checkLine(row, codesInFile));
        }
        return new Analysis(withParentsResolved(detectFileCycles(withParentsResolved(candidates))),
                sheet.ignoredColumns());
    }

    private Candidate checkLine(Spreadsheet.Row row, Map<String, Integer> codesInFile) {
        String code = row.get("code");
        String name = row.get("name");
        try {
            code = Validation.unitCode(code);
            name = Validation.name(name);
        } catch (DomainException e) {
            return invalid(row.line(), code, name, e.messageKey(), e.args());
        }
        if (row.get("type").isEmpty()) {
            return invalid(row.line(), code, name, "import.error.typeRequired");
        }
        Optional<UnitType> type = parseType(row.get("type"));
        if (type.isEmpty()) {
            return invalid(row.line(), code, name, "import.error.type", row.get("type"));
        }
        Integer firstLine = codesInFile.putIfAbsent(key(code), row.line());
        if (firstLine != null) {
            return invalid(row.line(), code, name, "import.error.duplicateInFile", firstLine);
        }
        if (units.codeTaken(code, null)) {
            return invalid(row.line(), code, name, "error.unit.codeTaken", code);
        }
        String parentCode = row.get("parent_code").isEmpty() ? null : row.get("parent_code");
        if (parentCode != null && key(parentCode).equals(key(code))) {
            return invalid(row.line(), code, name, "error.unit.cycle");
        }
        return new Candidate(new LineReport(row.line(), code, name, null, List.of()), type.get(), parentCode);
    }

    /**
     * A parent must be an active unit in the database or a valid line of the file; a line whose parent line is
     * invalid is invalid too, repeated until nothing changes (chains of children of a bad line).
     */
    private List<Candidate> withParentsResolved(List<Candidate> candidates) {
        List<Candidate> current = new ArrayList<>(candidates);
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, Candidate> validByCode = new HashMap<>();
            Map<String, Candidate> allByCode = new HashMap<>();
            for (Candidate c : current) {
                allByCode.putIfAbsent(key(c.report().code()), c);
                if (c.report().valid()) {
                    validByCode.put(key(c.report().code()), c);
                }
            }
            for (int i = 0; i < current.size(); i++) {
                Candidate c = current.get(i);
                if (!c.report().valid() || c.parentCode() == null || validByCode.containsKey(key(c.parentCode()))) {
                    continue;
                }
                // An existing unit wins: a file line reusing its code is itself refused as a duplicate.
                Optional<Unit> parent = units.findByCode(c.parentCode());
                if (parent.isPresent() && parent.get().isActive()) {
                    continue;
                }
                Candidate inFile = allByCode.get(key(c.parentCode()));
                Candidate verdict;
                if (inFile != null) {
                    verdict = invalid(c.report().line(), c.report().code(), c.report().name(),
                            "import.error.parentLineInvalid", inFile.report().line());
                } else {
                    verdict = invalid(c.report().line(), c.report().code(), c.report().name(),
                            parent.isPresent() ? "error.unit.parentArchived" : "import.error.parentUnknown",
                            c.parentCode());
                }
                current.set(i, verdict);
                changed = true;
            }
        }
        return current;
    }

    /** Lines that name each other as parents (A under B, B under A) would never reach the database root. */
    private List<Candidate> detectFileCycles(List<Candidate> candidates) {
        Map<String, Candidate> byCode = new HashMap<>();
        candidates.stream().filter(c -> c.report().valid()).forEach(c -> byCode.put(key(c.report().code()), c));
        List<Candidate> result = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.report().valid() && inCycle(c, byCode)) {
                result.add(invalid(c.report().line(), c.report().code(), c.report().name(), "error.unit.cycle"));
            } else {
                result.add(c);
            }
        }
        return result;
    }

    /** True when following the parents from {@code start} comes back to {@code start} itself. */
    private static boolean inCycle(Candidate start, Map<String, Candidate> byCode) {
        Set<String> seen = new HashSet<>();
        Candidate current = start;
        while (current.parentCode() != null && seen.add(key(current.report().code()))) {
            current = byCode.get(key(current.parentCode()));
            if (current == null) {
                return false;
            }
            if (current == start) {
                return true;
            }
        }
        return false;
    }

    private static List<Candidate> inParentOrder(List<Candidate> candidates) {
        Map<String, Candidate> pending = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.report().valid()).forEach(c -> pending.put(key(c.report().code()), c));
        List<Candidate> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            var ready = pending.values().stream()
                    .filter(c -> c.parentCode() == null || !pending.containsKey(key(c.parentCode())))
                    .toList();
            ready.forEach(c -> pending.remove(key(c.report().code())));
            ordered.addAll(ready);
        }
        return ordered;
    }

    private static Candidate invalid(int line, String code, String name, String key, Object... args) {
        return new Candidate(new LineReport(line, code, name, key, List.of(args)), null, null);
    }

    /** Accepts the type's code (PROVINCIAL_AGENCY) or its Vietnamese name, with or without diacritics. */
    static Optional<UnitType> parseType(String raw) {
        String folded = TextFolding.fold(raw.strip());
        for (UnitType type : UnitType.values()) {
            if (type.name().equalsIgnoreCase(raw.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(switch (folded) {
            case "tinh", "ubnd tinh" -> UnitType.PROVINCE;
            case "so khoa hoc va cong nghe", "so khcn" -> UnitType.SCIENCE_DEPARTMENT;
            case "co quan cap tinh", "so", "so nganh" -> UnitType.PROVINCIAL_AGENCY;
            case "xa", "phuong", "dac khu", "cap xa" -> UnitType.COMMUNE;
            case "don vi su nghiep", "don vi su nghiep cong lap" -> UnitType.PUBLIC_SERVICE_UNIT;
            default -> null;
        });
    }

    private static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
