package vn.eiso.catalogue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.Spreadsheet.Column;
import vn.eiso.base.Spreadsheet;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitType;
import vn.eiso.organisation.UserService;

/**
 * The province's catalogue of administrative procedures (TTHC), imported by the science department or an
 * administrator from the public-service portal's export (XLSX or CSV). A re-import is first shown as what it would
 * add, amend and abolish; it is applied only when confirmed, as a new catalogue version, each procedure's earlier
 * versions kept. Each import maps procedures to the units named in the agency column; corrections by hand stay.
 * The units whose procedures changed are told, and {@link CatalogueChanged} lets the documents and announcements
 * that cite an amended or abolished procedure be flagged.
 */
@Service
public class TthcCatalogue {

    public static final String TARGET = "TTHC_CATALOGUE";
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_LINES = 20_000;
    /** The register's column for the codes a document cites. */
    private static final int MAX_CITED_CHARS = 1000;

    private static final List<Column> COLUMNS = List.of(
            Column.required("code", "mã", "mã thủ tục", "mã tthc", "mã số", "mã thủ tục hành chính"),
            Column.required("name", "tên", "tên thủ tục", "tên tthc", "tên thủ tục hành chính"),
            Column.required("field", "lĩnh vực"),
            Column.required("level", "cấp", "cấp thực hiện"),
            Column.required("agency", "cơ quan thực hiện", "cơ quan giải quyết", "đơn vị thực hiện"),
            Column.optional("deciding_act", "quyết định công bố", "văn bản công bố", "deciding act"));
    /** How the portal names the communes as an agency: every commune handles such a procedure. */
    private static final Set<String> EVERY_COMMUNE = Set.of("ubnd cap xa", "uy ban nhan dan cap xa", "cap xa");

    private final JooqCatalogueRepository repository;
    private final UnitService units;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final UserService users;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;

    TthcCatalogue(JooqCatalogueRepository repository, UnitService units, AccessGuard guard, AuditTrail trail,
            Clock clock, UserService users, Inbox inbox, ApplicationEventPublisher events) {
        this.users = users;
        this.inbox = inbox;
        this.events = events;
        this.repository = repository;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** Every procedure of the catalogue, abolished ones included; anyone signed in reads the catalogue. */
    @Transactional(readOnly = true)
    public List<Tthc> entries() {
        guard.caller();
        return repository.all();
    }

    /** The procedure a code written in the short or full form names, abolished or not. */
    @Transactional(readOnly = true)
    public Optional<Tthc> byCode(String code) {
        guard.caller();
        return TthcCode.shortCode(code).flatMap(repository::byCode);
    }

    /**
     * A register entry's TTHC field as references to the catalogue: each code once, in its short form, joined by
     * ", ". Text that is no TTHC code is refused, and once a catalogue is imported so is a code it does not list or
     * has abolished, unless the entry already cited it: an old entry stays editable, and the coverage lists such
     * codes with the documents citing them for correction.
     */
    @Transactional(readOnly = true)
    public String cite(String field, String previous) {
        guard.caller();
        Set<String> kept = new HashSet<>();
        TthcCode.listed(previous).forEach(c -> kept.add(TthcCode.shortCode(c).orElse(c)));
        boolean catalogued = repository.currentVersion() > 0;
        Set<String> cited = new LinkedHashSet<>();
        for (String written : TthcCode.listed(field)) {
            Optional<String> code = TthcCode.shortCode(written);
            if (!kept.contains(code.orElse(written))) {
                String shortCode = code.orElseThrow(() -> new DomainException("error.document.tthcInvalid", written));
                Optional<Tthc> tthc = catalogued ? repository.byCode(shortCode) : Optional.empty();
                if (catalogued && tthc.isEmpty()) {
                    throw new DomainException("error.document.tthcUnknown", written);
                }
                if (tthc.filter(Tthc::abolished).isPresent()) {
                    throw new DomainException("error.document.tthcAbolished", shortCode, tthc.get().name());
                }
            }
            cited.add(code.orElse(written));
        }
        String joined = String.join(", ", cited);
        if (joined.length() > MAX_CITED_CHARS) {
            throw new DomainException("error.document.tthcTooMany", cited.size());
        }
        return cited.isEmpty() ? null : joined;
    }

    @Transactional(readOnly = true)
    public int version() {
        guard.caller();
        return repository.currentVersion();
    }

    @Transactional(readOnly = true)
    public List<TthcVersion> history(long tthcId) {
        guard.caller();
        return repository.history(tthcId);
    }

    /** What the file would change, line by line; nothing is written. */
    @Transactional(readOnly = true)
    public CataloguePreview preview(String fileName, byte[] content) {
        guard.requireProvinceWide();
        return analyse(fileName, content);
    }

    /**
     * Applies the file as the next catalogue version, provided the catalogue is still the version the preview
     * was compared with (another import meanwhile is refused) and every line is valid: nothing is half-applied.
     */
    @Transactional
    public CataloguePreview apply(String fileName, byte[] content, int previewedVersion) {
        guard.requireProvinceWide();
        CataloguePreview preview = analyse(fileName, content);
        if (preview.baseVersion() != previewedVersion) {
            throw new ConcurrentEditException();
        }
        if (!preview.errors().isEmpty()) {
            throw new DomainException("error.catalogue.invalidLines", preview.errors().size());
        }
        if (preview.changes().isEmpty()) {
            throw new DomainException("error.catalogue.nothingChanged");
        }
        int version = previewedVersion + 1;
        try {
            repository.insertVersion(version, fileName, (int) preview.count(CatalogueChange.Kind.ADDED),
                    (int) preview.count(CatalogueChange.Kind.AMENDED),
                    (int) preview.count(CatalogueChange.Kind.ABOLISHED), guard.actorName(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ConcurrentEditException();
        }
        for (CatalogueChange change : preview.changes()) {
            long id = switch (change.kind()) {
                case ADDED -> repository.insert(change, version);
                case AMENDED -> {
                    repository.update(change.before().id(), change, version);
                    yield change.before().id();
                }
                case ABOLISHED -> {
                    repository.abolish(change.before().id(), version);
                    yield change.before().id();
                }
            };
            repository.recordHistory(id, version, change);
        }
        Map<String, CatalogueChange.Kind> changed = new HashMap<>();
        preview.changes().forEach(c -> changed.put(c.code(), c.kind()));
        Set<UnitId> affected = new HashSet<>(repository.unitsHandling(changed.keySet()));
        repository.replaceAgencyMappings(agencyMappings(repository.all()));
        affected.addAll(repository.unitsHandling(changed.keySet()));
        for (UnitId unit : affected) {
            inbox.post(users.holdersIn(unit, Role.QUALITY_OFFICER, Role.UNIT_HEAD), "notice.catalogueChanged",
                    List.of(String.valueOf(version)), "tthc");
        }
        events.publishEvent(new CatalogueChanged(version, changed));
        trail.record("TTHC_CATALOGUE_IMPORTED", TARGET, version, null, fileName + " · +"
                + preview.count(CatalogueChange.Kind.ADDED) + " ~" + preview.count(CatalogueChange.Kind.AMENDED)
                + " -" + preview.count(CatalogueChange.Kind.ABOLISHED));
        return preview;
    }

    /** The unit's procedures, and how far its documents in force cover them. */
    @Transactional(readOnly = true)
    public Coverage coverage(UnitId unit) {
        guard.requireReadAccess(unit);
        Map<String, Tthc> byCode = new HashMap<>();
        repository.all().forEach(t -> byCode.put(t.code(), t));
        Map<String, Set<CitingDocument>> citing = new LinkedHashMap<>();
        repository.citing(unit).forEach((document, codes) -> TthcCode.listed(codes).forEach(code -> citing
                .computeIfAbsent(TthcCode.shortCode(code).orElse(code), c -> new LinkedHashSet<>()).add(document)));
        List<Tthc> handled = repository.ofUnit(unit).stream().filter(t -> !t.abolished()).toList();
        List<Tthc> uncovered = handled.stream().filter(t -> !citing.containsKey(t.code())).toList();
        List<Coverage.Correction> unknown = new ArrayList<>();
        List<Coverage.Correction> abolished = new ArrayList<>();
        citing.forEach((code, documents) -> {
            Tthc tthc = byCode.get(code);
            if (tthc == null && !byCode.isEmpty()) {
                unknown.add(new Coverage.Correction(code, null, List.copyOf(documents)));
            } else if (tthc != null && tthc.abolished()) {
                abolished.add(new Coverage.Correction(code, tthc, List.copyOf(documents)));
            }
        });
        return new Coverage(handled.size(), handled.size() - uncovered.size(), uncovered, unknown, abolished);
    }

    /**
     * The coverage of each of the units the caller may read, or with a null scope of every unit (province-wide
     * callers), in two queries for the whole province rather than two per unit.
     */
    @Transactional(readOnly = true)
    public Map<UnitId, CoverageCount> coverageCounts(Collection<UnitId> scope) {
        if (scope == null) {
            guard.requireProvinceWide();
        } else {
            scope.forEach(guard::requireReadAccess);
        }
        Map<UnitId, Set<String>> handled = repository.handledCodes(scope);
        Map<UnitId, List<String>> citing = repository.citedCodesByUnit(scope);
        Map<UnitId, CoverageCount> counts = new HashMap<>();
        handled.forEach((unit, codes) -> {
            Set<String> cited = cited(citing.getOrDefault(unit, List.of()));
            counts.put(unit, new CoverageCount(codes.size(), (int) codes.stream().filter(cited::contains).count()));
        });
        return counts;
    }

    /** The short codes a unit's documents cite, each written in the short or full form, or as typed. */
    private static Set<String> cited(List<String> codeTexts) {
        Set<String> cited = new LinkedHashSet<>();
        for (String codes : codeTexts) {
            for (String code : TthcCode.listed(codes)) {
                cited.add(TthcCode.shortCode(code).orElse(code));
            }
        }
        return cited;
    }

    /** The procedures the unit handles (found from the agency or added by hand, not excluded), by id. */
    @Transactional(readOnly = true)
    public Set<Long> handledBy(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.ofUnit(unit).stream().map(Tthc::id).collect(Collectors.toSet());
    }

    /** The unit handles the procedure although the agency column does not name it. */
    @Transactional
    public void include(UnitId unit, long tthcId) {
        setMapping(unit, tthcId, "MANUAL");
    }

    /** The unit does not handle the procedure although the agency column names it. */
    @Transactional
    public void exclude(UnitId unit, long tthcId) {
        setMapping(unit, tthcId, "EXCLUDED");
    }

    private void setMapping(UnitId unit, long tthcId, String source) {
        guard.requireProvinceWide();
        Tthc tthc = repository.all().stream().filter(t -> t.id() == tthcId).findFirst()
                .orElseThrow(() -> new DomainException("error.catalogue.notFound"));
        repository.setMapping(unit, tthcId, source);
        trail.record("TTHC_MAPPING_" + source, TARGET, tthc.code(), unit, tthc.name());
    }

    private CataloguePreview analyse(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException("error.sheet.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.catalogue.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        Spreadsheet.Sheet sheet = Spreadsheet.read(fileName, content, COLUMNS, MAX_LINES);
        int base = repository.currentVersion();
        Map<String, Tthc> current = new LinkedHashMap<>();
        repository.all().forEach(t -> current.put(t.code(), t));
        List<CataloguePreview.LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<CatalogueChange> changes = new ArrayList<>();
        for (Spreadsheet.Row row : sheet.rows()) {
            String written = row.get("code");
            Optional<String> code = TthcCode.shortCode(written);
            Optional<TthcLevel> level = TthcLevel.parse(row.get("level"));
            String error = code.isEmpty() ? "error.catalogue.code"
                    : seen.containsKey(code.get()) ? "error.catalogue.duplicate"
                    : row.get("name").isBlank() ? "error.catalogue.nameRequired"
                    : row.get("field").isBlank() ? "error.catalogue.fieldRequired"
                    : level.isEmpty() ? "error.catalogue.level"
                    : row.get("agency").isBlank() ? "error.catalogue.agencyRequired" : null;
            if (error != null) {
                Object detail = error.equals("error.catalogue.duplicate") ? seen.get(code.get())
                        : error.equals("error.catalogue.level") ? row.get("level") : written;
                errors.add(new CataloguePreview.LineError(row.line(), written, error, List.of(detail)));
                code.ifPresent(c -> seen.putIfAbsent(c, row.line()));
                continue;
            }
            seen.put(code.get(), row.line());
            CatalogueChange incoming = new CatalogueChange(CatalogueChange.Kind.ADDED, code.get(),
                    clip(row.get("name"), 1000), level.get(), clip(row.get("agency"), 500), clip(row.get("field"), 255),
                    blankToNull(clip(row.get("deciding_act"), 500)), TthcCode.fullCode(written).orElse(null), List.of(),
                    null);
            Tthc before = current.get(code.get());
            if (before == null) {
                changes.add(incoming);
            } else {
                List<CatalogueChange.Field> changed = differences(before, incoming);
                if (!changed.isEmpty() || before.abolished()) {
                    changes.add(new CatalogueChange(CatalogueChange.Kind.AMENDED, incoming.code(), incoming.name(),
                            incoming.level(), incoming.agency(), incoming.field(), incoming.decidingAct(),
                            incoming.fullCode(), changed, before));
                }
            }
        }
        for (Tthc before : current.values()) {
            if (!before.abolished() && !seen.containsKey(before.code())) {
                changes.add(new CatalogueChange(CatalogueChange.Kind.ABOLISHED, before.code(), before.name(),
                        before.level(), before.agency(), before.field(), before.decidingAct(), before.fullCode(),
                        List.of(), before));
            }
        }
        return new CataloguePreview(fileName, base, sheet.rows().size(), errors, changes, sheet.ignoredColumns());
    }

    private static List<CatalogueChange.Field> differences(Tthc before, CatalogueChange after) {
        List<CatalogueChange.Field> changed = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add(CatalogueChange.Field.NAME);
        }
        if (before.level() != after.level()) {
            changed.add(CatalogueChange.Field.LEVEL);
        }
        if (!before.agency().equals(after.agency())) {
            changed.add(CatalogueChange.Field.AGENCY);
        }
        if (!before.field().equals(after.field())) {
            changed.add(CatalogueChange.Field.FIELD);
        }
        if (!Objects.equals(before.decidingAct(), after.decidingAct())) {
            changed.add(CatalogueChange.Field.DECIDING_ACT);
        }
        return changed;
    }

    /**
     * The units the agency column names: a unit whose name the agency contains ("Sở Tư pháp tỉnh Hòa An" names
     * "Sở Tư pháp"), compared without case or diacritics, or every commune for "UBND cấp xã".
     */
    private Map<Long, Set<UnitId>> agencyMappings(List<Tthc> catalogue) {
        List<Unit> active = units.all().stream().filter(Unit::isActive).toList();
        Map<Long, Set<UnitId>> found = new HashMap<>();
        for (Tthc tthc : catalogue) {
            if (tthc.abolished()) {
                continue;
            }
            String agency = fold(tthc.agency());
            Set<UnitId> handlers = new HashSet<>();
            for (Unit unit : active) {
                boolean communeWide = unit.type() == UnitType.COMMUNE && tthc.level() == TthcLevel.COMMUNE
                        && EVERY_COMMUNE.stream().anyMatch(agency::contains);
                if (communeWide || agency.contains(fold(unit.name()))) {
                    handlers.add(unit.id());
                }
            }
            if (!handlers.isEmpty()) {
                found.put(tthc.id(), handlers);
            }
        }
        return found;
    }

    private static String fold(String text) {
        return TextFolding.fold(text).trim().replaceAll("\\s+", " ");
    }

    private static String clip(String value, int max) {
        String trimmed = value.trim();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
