package vn.eiso.organisation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;

/**
 * Imports units from CSV lines {@code code,name,type,parent code}. Every line is checked first and gets its own
 * verdict; by default nothing is written unless every line is valid, and the administrator may instead choose
 * to import only the valid lines. Parents may be earlier or later lines of the same file.
 */
@Service
public class UnitImport {

    /** Larger files are refused before parsing: a province has thousands of units, not millions. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINES = 10_000;

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

    /** What the import found, and whether it wrote anything. */
    public record Report(List<LineReport> lines, int imported) {

        public long invalidCount() {
            return lines.stream().filter(l -> !l.valid()).count();
        }

        public long validCount() {
            return lines.size() - invalidCount();
        }
    }

    /** Checks every line and writes nothing. */
    @Transactional(readOnly = true)
    public Report check(byte[] content) {
        guard.requireAdministrator();
        return new Report(analyse(content).stream().map(Candidate::report).toList(), 0);
    }

    /**
     * Imports the file. With {@code onlyValidLines} false, any invalid line means nothing is imported; with it
     * true, the valid lines are imported and the invalid ones reported.
     */
    @Transactional
    public Report importUnits(byte[] content, boolean onlyValidLines) {
        guard.requireAdministrator();
        List<Candidate> candidates = analyse(content);
        boolean anyInvalid = candidates.stream().anyMatch(c -> !c.report().valid());
        if (anyInvalid && !onlyValidLines) {
            return new Report(candidates.stream().map(Candidate::report).toList(), 0);
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
        return new Report(candidates.stream().map(Candidate::report).toList(), imported);
    }

    private record Candidate(LineReport report, UnitType type, String parentCode) {
    }

    private List<Candidate> analyse(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.import.tooLarge", MAX_BYTES / 1024);
        }
        List<CsvReader.Row> rows = CsvReader.read(decode(content));
        if (!rows.isEmpty() && isHeader(rows.getFirst())) {
            rows = rows.subList(1, rows.size());
        }
        if (rows.isEmpty()) {
            throw new DomainException("error.import.empty");
        }
        if (rows.size() > MAX_LINES) {
            throw new DomainException("error.import.tooManyLines", MAX_LINES);
        }
        Map<String, Integer> codesInFile = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (CsvReader.Row row : rows) {
            candidates.add(checkLine(row, codesInFile));
        }
        return withParentsResolved(detectFileCycles(withParentsResolved(candidates)));
    }

    private Candidate checkLine(CsvReader.Row row, Map<String, Integer> codesInFile) {
        List<String> f = row.fields();
        String code = f.isEmpty() ? "" : f.get(0).strip();
        String name = f.size() < 2 ? "" : f.get(1).strip();
        if (f.size() < 3 || f.size() > 4) {
            return invalid(row.line(), code, name, "import.error.columns", f.size());
        }
        try {
            code = Validation.unitCode(code);
            name = Validation.name(name);
        } catch (DomainException e) {
            return invalid(row.line(), code, name, e.messageKey(), e.args());
        }
        Optional<UnitType> type = parseType(f.get(2));
        if (type.isEmpty()) {
            return invalid(row.line(), code, name, "import.error.type", f.get(2).strip());
        }
        Integer firstLine = codesInFile.putIfAbsent(key(code), row.line());
        if (firstLine != null) {
            return invalid(row.line(), code, name, "import.error.duplicateInFile", firstLine);
        }
        if (units.codeTaken(code, null)) {
            return invalid(row.line(), code, name, "error.unit.codeTaken", code);
        }
        String parentCode = f.size() == 4 && !f.get(3).isBlank() ? f.get(3).strip() : null;
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

    private static boolean isHeader(CsvReader.Row row) {
        String first = TextFolding.fold(row.fields().getFirst().strip());
        return first.equals("code") || first.equals("ma") || first.equals("ma don vi");
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

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DomainException("error.import.encoding");
        }
    }
}
