package vn.eiso.announcement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Inputs;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.catalogue.TthcCode;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.organisation.UnitService;

/**
 * The unit's QMS scope (the TTHC and activities it covers, each with its procedure) and since when the system is
 * applied. Any change to what is covered after an announcement flags "re-announcement due".
 */
@Service
public class Scopes {

    static final String TARGET = "QMS_SCOPE_ITEM";
    private static final int MAX_NAME = 500;
    private static final int MAX_CODE = 32;

    private final JooqAnnouncementRepository repository;
    private final DocumentRegister documents;
    private final UnitService units;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    private final TthcCatalogue catalogue;

    Scopes(JooqAnnouncementRepository repository, DocumentRegister documents, UnitService units, AccessGuard guard,
            AuditTrail trail, Clock clock, TthcCatalogue catalogue) {
        this.catalogue = catalogue;
        this.units = units;
        this.repository = repository;
        this.documents = documents;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QmsScope of(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.scope(unit);
    }

    /** The quality officer and the head define the scope. */
    @Transactional(readOnly = true)
    public boolean canEdit(UnitId unit) {
        var caller = guard.caller();
        return caller.canEdit(unit);
    }

    /** The unit's procedures of any status, to map an item to (a draft one shows as not yet in force). */
    @Transactional(readOnly = true)
    public List<DocumentSummary> procedures(UnitId unit) {
        guard.requireReadAccess(unit);
        return documents.list(new DocumentFilter(unit, null, DocumentType.PROCEDURE, null, null, false),
                DocumentSort.CODE, true, 0, 1000);
    }

    @Transactional
    public QmsScope setAppliedSince(UnitId unit, int version, LocalDate appliedSince) {
        editor(unit);
        if (appliedSince == null) {
            throw new DomainException("error.scope.appliedSinceRequired");
        }
        if (appliedSince.isAfter(LocalDate.now(clock))) {
            throw new DomainException("error.scope.appliedSinceFuture");
        }
        repository.lockUnit(unit);
        repository.setAppliedSince(unit, version, appliedSince, now());
        trail.record("SCOPE_APPLIED_SINCE", TARGET, null, unit, appliedSince.toString());
        return repository.scope(unit);
    }

    @Transactional
    public QmsScope addItem(UnitId unit, ScopeItem.Kind kind, String code, String name, DocumentId procedure) {
        editor(unit);
        if (kind == null) {
            throw new DomainException("error.scope.kindRequired");
        }
        String cleanCode = code == null || code.isBlank() ? null : code.strip();
        if (kind == ScopeItem.Kind.TTHC && cleanCode == null) {
            throw new DomainException("error.scope.codeRequired");
        }
        if (cleanCode != null && cleanCode.length() > MAX_CODE) {
            throw new DomainException("error.scope.codeTooLong", MAX_CODE);
        }
        if (kind == ScopeItem.Kind.TTHC && catalogue.version() > 0) {
            // With a catalogue, a TTHC of the scope is one of its procedures in force, named as the catalogue does.
            Tthc tthc = catalogue.byCode(cleanCode)
                    .orElseThrow(() -> new DomainException("error.scope.tthcUnknown", cleanCode));
            if (tthc.abolished()) {
                throw new DomainException("error.scope.tthcAbolished", tthc.code());
            }
            return insertItem(unit, kind, tthc.code(), tthc.name(), procedure);
        }
        return insertItem(unit, kind, cleanCode, Inputs.required(name, MAX_NAME, "error.scope.nameRequired"),
                procedure);
    }

    private QmsScope insertItem(UnitId unit, ScopeItem.Kind kind, String cleanCode, String cleanName,
            DocumentId procedure) {
        checkProcedure(unit, procedure);
        repository.lockUnit(unit);
        QmsScope before = repository.scope(unit);
        if (cleanCode != null && before.items().stream().anyMatch(i -> cleanCode.equalsIgnoreCase(i.code()))) {
            throw new DomainException("error.scope.duplicate", cleanCode);
        }
        long id = repository.insertItem(unit, kind, cleanCode, cleanName, procedure, now());
        trail.record("SCOPE_ITEM_ADDED", TARGET, id, unit, cleanCode == null ? cleanName : cleanCode + " · " + cleanName);
        return flagIfChanged(unit);
    }

    /** Maps the item to another procedure of the unit, or unmaps it. */
    @Transactional
    public QmsScope mapItem(long item, DocumentId procedure) {
        UnitId unit = unitOf(item);
        editor(unit);
        checkProcedure(unit, procedure);
        repository.lockUnit(unit);
        repository.mapItem(item, procedure);
        trail.record("SCOPE_ITEM_MAPPED", TARGET, item, unit, procedure == null ? null : procedure.toString());
        return flagIfChanged(unit);
    }

    @Transactional
    public QmsScope removeItem(long item) {
        UnitId unit = unitOf(item);
        editor(unit);
        repository.lockUnit(unit);
        repository.deleteItem(item);
        trail.record("SCOPE_ITEM_REMOVED", TARGET, item, unit, null);
        return flagIfChanged(unit);
    }

    /**
     * Adds each TTHC code that the unit's procedures in force name in their register entries and the scope
     * lacks, mapped to that procedure: the usual first step, since the register already says which procedure
     * serves which TTHC. Returns how many were added.
     */
    @Transactional
    public int importFromProcedures(UnitId unit) {
        editor(unit);
        repository.lockUnit(unit);
        Set<String> known = repository.scope(unit).items().stream().filter(i -> i.code() != null)
                .map(i -> i.code().toUpperCase()).collect(Collectors.toSet());
        int added = 0;
        boolean catalogued = catalogue.version() > 0;
        for (DocumentSummary summary : documents.list(new DocumentFilter(unit, null, DocumentType.PROCEDURE,
                DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1000)) {
            Document procedure = documents.get(summary.id());
            if (procedure.tthcCodes() == null) {
                continue;
            }
            for (String written : TthcCode.listed(procedure.tthcCodes())) {
                Optional<Tthc> listed = catalogue.byCode(written);
                if (catalogued && listed.filter(t -> !t.abolished()).isEmpty()) {
                    continue; // the scope takes catalogue procedures in force; the coverage lists the code to correct
                }
                String code = listed.map(Tthc::code).orElse(written);
                if (!code.isBlank() && code.length() <= MAX_CODE && known.add(code.toUpperCase())) {
                    String name = listed.map(Tthc::name).orElseGet(() -> tthcName(procedure.title()));
                    long id = repository.insertItem(unit, ScopeItem.Kind.TTHC, code, name, procedure.id(), now());
                    trail.record("SCOPE_ITEM_ADDED", TARGET, id, unit, code + " · " + name);
                    added++;
                }
            }
        }
        if (added > 0) {
            flagIfChanged(unit);
        }
        return added;
    }

    /** "Quy trình cấp Phiếu lý lịch tư pháp" names the TTHC "Cấp Phiếu lý lịch tư pháp". */
    static String tthcName(String procedureTitle) {
        String name = procedureTitle.strip().replaceFirst("(?iu)^quy trình\\s+", "");
        return name.isEmpty() ? procedureTitle : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The announced form of a scope: one line per item, sorted, and a fingerprint that changes with any line. */
    static String text(QmsScope scope) {
        return scope.items().stream().map(ScopeItem::line).sorted().collect(Collectors.joining("\n"));
    }

    /**
     * The fingerprint of the scope as announced: its items with the procedures they map to, so that adding,
     * removing or remapping one flags the announcement for re-announcement.
     */
    static String fingerprint(QmsScope scope) {
        return signature(scope.items().stream().map(ScopeItem::fingerprintLine).sorted()
                .collect(Collectors.joining("\n")));
    }

    private static String signature(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private QmsScope flagIfChanged(UnitId unit) {
        QmsScope scope = repository.scope(unit);
        String announced = repository.signatureOfCurrent(unit);
        if (announced != null && !announced.equals(fingerprint(scope))) {
            for (long due : repository.markDue(unit, "SCOPE_CHANGED")) {
                trail.record("ANNOUNCEMENT_DUE", Announcements.TARGET, due, unit, "SCOPE_CHANGED");
            }
        }
        return scope;
    }

    private void checkProcedure(UnitId unit, DocumentId procedure) {
        if (procedure == null) {
            return;
        }
        Document document = documents.get(procedure);
        if (!document.unitId().equals(unit) || document.type() != DocumentType.PROCEDURE) {
            throw new DomainException("error.scope.notAProcedure");
        }
    }

    private UnitId unitOf(long item) {
        return repository.itemUnit(item).orElseThrow(() -> new DomainException("error.scope.itemNotFound"));
    }

    private void editor(UnitId unit) {
        if (!canEdit(unit)) {
            throw new AccessDeniedException("quality officer or head required in " + unit);
        }
        if (!units.get(unit).isActive()) {
            throw new DomainException("error.announcement.unitArchived");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
