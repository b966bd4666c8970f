package vn.eiso.nonconformity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.EvidenceFiles;
import vn.eiso.signature.SignatureReport;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.UserService;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchResult;
import vn.eiso.search.SearchService;

/**
 * The unit's nonconformity register: what was found wrong, where it came from, and where it stands. Anyone in the
 * unit reports a problem; the science department records what its inspections find; audit findings arrive at the
 * lead auditor's sign-off.
 */
@Service
public class Nonconformities {

    public static final String TARGET = "NONCONFORMITY";
    static final int MAX_TEXT = 4000;
    private static final int NOTICE_TEXT = 200;

    private final JooqNonconformityRepository repository;
    private final EvidenceFiles evidenceFiles;
    private final SearchService search;
    private final DocumentRegister documents;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final UserService users;
    private final Inbox inbox;
    private final Clock clock;

    Nonconformities(JooqNonconformityRepository repository, EvidenceFiles evidenceFiles, SearchService search,
            DocumentRegister documents, AccessGuard guard, AuditTrail trail, UserService users, Inbox inbox,
            Clock clock) {
        this.repository = repository;
        this.evidenceFiles = evidenceFiles;
        this.search = search;
        this.documents = documents;
        this.guard = guard;
        this.trail = trail;
        this.users = users;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Opens a nonconformity for an audit finding, inside the sign-off's own transaction: a finding and its
     * nonconformity exist together or not at all. Only the lead auditor of a signed audit of that unit may.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NonconformityId openFromFinding(NewFinding finding) {
        Caller caller = guard.caller();
        if (caller.user().filter(u -> repository.isFindingOfSignedAudit(finding.auditItemId(), finding.unitId(), u))
                .isEmpty()) {
            throw new AccessDeniedException("only the lead auditor's sign-off opens nonconformities for findings");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        NonconformityId id = repository.insertFinding(finding, caller.user().orElseThrow(), now);
        repository.insertEvent(id, now, caller.user().orElseThrow(), null, Nonconformity.Status.REPORTED, null);
        trail.record("NC_OPENED", TARGET, id, finding.unitId(), finding.severity() + " " + finding.description());
        tellTriage(id, finding.unitId(), finding.description());
        return id;
    }

    /**
     * The quick report: any member of the unit describes a problem (with photos or scans if they have them); the
     * quality officer triages it. Inspections are the science department's to record, audit findings the audit's.
     */
    @Transactional
    public NonconformityId report(NcReport report, Map<String, byte[]> files) {
        Caller caller = guard.caller();
        UnitId unit = report.unitId();
        boolean member = caller.grants().stream().anyMatch(g -> g.unitId().equals(unit));
        boolean inspector = caller.isOversight() || caller.isAdministrator();
        if (!member && !inspector) {
            throw new AccessDeniedException("not a member of unit " + unit);
        }
        if (report.source() == null || report.source() == Nonconformity.Source.INTERNAL_AUDIT
                || report.source() == Nonconformity.Source.INSPECTION && !inspector) {
            throw new DomainException("error.nc.source");
        }
        String description = text(report.description(), "error.nc.descriptionRequired");
        if (report.clauseCode() != null && !repository.clauses().contains(report.clauseCode())) {
            throw new DomainException("error.audit.clauseUnknown");
        }
        if (report.documentId() != null
                && !documents.get(new DocumentId(report.documentId())).unitId().equals(unit)) {
            throw new DomainException("error.nc.documentForeign");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        NonconformityId id = repository.insertReport(new NcReport(unit, report.source(), description,
                report.documentId(), report.clauseCode()), caller.user().orElseThrow(), now);
        attach(id, files, caller, now);
        repository.insertEvent(id, now, caller.user().orElseThrow(), null, Nonconformity.Status.REPORTED, null);
        trail.record("NC_REPORTED", TARGET, id, unit, report.source() + " " + description);
        tellTriage(id, unit, description);
        return id;
    }

    /**
     * Reported nonconformities waiting for triage in the units where the caller triages (see {@link #triagers}),
     * oldest first: derived from their status, so each leaves the list once accepted or dismissed.
     */
    @Transactional(readOnly = true)
    public List<Nonconformity> awaitingMyTriage() {
        Caller caller = guard.caller();
        Optional<UserId> me = caller.user();
        if (me.isEmpty()) {
            return List.of();
        }
        return caller.grants().stream()
                .filter(g -> g.role() == Role.QUALITY_OFFICER || g.role() == Role.UNIT_HEAD).map(g -> g.unitId())
                .distinct()
                .filter(unit -> triagers(unit).contains(me.get()))
                .flatMap(unit -> repository.ofUnit(unit, true).stream())
                .filter(nc -> nc.status() == Nonconformity.Status.REPORTED)
                .sorted(Comparator.comparing(Nonconformity::reportedAt))
                .toList();
    }

    /**
     * Who triages the unit's new reports: its quality officers, or — in a unit without one — its head, so that a
     * report never waits for nobody.
     */
    private Set<UserId> triagers(UnitId unit) {
        Set<UserId> officers = users.holdersIn(unit, Role.QUALITY_OFFICER);
        return officers.isEmpty() ? users.holdersIn(unit, Role.UNIT_HEAD) : officers;
    }

    /** Whoever triages the unit's reports learns of a new one (after commit by e-mail too), whoever made it. */
    private void tellTriage(NonconformityId id, UnitId unit, String description) {
        Set<UserId> officers = new LinkedHashSet<>(triagers(unit));
        guard.caller().user().ifPresent(officers::remove);
        String shortText = description.length() <= NOTICE_TEXT ? description
                : description.substring(0, NOTICE_TEXT) + "…";
        inbox.post(officers, "notice.ncReported", List.of(id.label(), shortText), "nonconformity/" + id.value());
    }

    /** Adds evidence files to an open nonconformity: its unit's members, or the science department. */
    @Transactional
    public void attachFiles(NonconformityId id, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new DomainException("error.nc.noFiles");
        }
        repository.lock(id);
        Nonconformity nc = get(id);
        Caller caller = guard.caller();
        if (!caller.isProvinceWide()
                && caller.grants().stream().noneMatch(g -> g.unitId().equals(nc.unitId()))) {
            throw new AccessDeniedException("not a member of unit " + nc.unitId());
        }
        if (!nc.status().isOpen()) {
            throw new DomainException("error.nc.closed");
        }
        attach(id, files, caller, OffsetDateTime.now(clock));
        trail.record("NC_FILES_ADDED", TARGET, id, nc.unitId(), String.join(", ", files.keySet()));
    }

    private void attach(NonconformityId id, Map<String, byte[]> files, Caller caller, OffsetDateTime now) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            EvidenceFiles.Stored stored = evidenceFiles.store(file.getKey(), file.getValue());
            repository.insertFile(id, stored.fileName(), stored.contentType(), stored.size(), stored.sha256(),
                    caller.user().orElseThrow(), now);
        }
    }

    @Transactional(readOnly = true)
    public List<NcFile> files(NonconformityId id) {
        get(id);
        return repository.files(id);
    }

    /** A file's bytes, after checking that the caller may read its nonconformity. */
    @Transactional(readOnly = true)
    public byte[] fileContent(long fileId) {
        return evidenceFiles.read(readableFile(fileId).sha256());
    }

    /** The signatures on a PDF attached to a nonconformity the caller may read; empty for another type. */
    @Transactional(readOnly = true)
    public Optional<SignatureReport> fileSignatures(long fileId) {
        NcFile file = readableFile(fileId);
        return evidenceFiles.signatures(file.sha256(), file.contentType());
    }

    private NcFile readableFile(long fileId) {
        NcFile file = repository.file(fileId).orElseThrow(() -> new DomainException("error.nc.notFound"));
        get(file.nonconformityId());
        return file;
    }

    @Transactional(readOnly = true)
    public List<Nonconformity> ofUnit(UnitId unit, boolean openOnly) {
        guard.requireReadAccess(unit);
        return repository.ofUnit(unit, openOnly);
    }

    @Transactional(readOnly = true)
    public Nonconformity get(NonconformityId id) {
        Nonconformity nc = repository.find(id).orElseThrow(() -> new DomainException("error.nc.notFound"));
        guard.requireReadAccess(nc.unitId());
        return nc;
    }

    @Transactional(readOnly = true)
    public List<NcEvent> history(NonconformityId id) {
        get(id);
        return repository.events(id);
    }

    /**
     * Nonconformities like this one, from the search index: in the caller's own units, and in every unit for the
     * science department. Helps find a common cause before planning actions.
     */
    @Transactional(readOnly = true)
    public List<SearchHit> similar(NonconformityId id) {
        Nonconformity nc = get(id);
        // The description only: the query keeps its first syllables, and that is where a problem is described.
        SearchResult result = search.search(SearchQuery.similarTo(nc.description(),
                Set.of(NonconformitySearchSource.TYPE), 6));
        return result.hits().stream().filter(h -> !h.key().equals(NonconformitySearchSource.key(id))).limit(5)
                .toList();
    }

    /** Whether the caller triages, analyses and plans this unit's nonconformities (quality officer, head). */
    @Transactional(readOnly = true)
    public boolean canManage(UnitId unit) {
        Caller caller = guard.caller();
        return caller.canEdit(unit);
    }

    static String text(String value, String requiredKey) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new DomainException(requiredKey);
        }
        if (clean.length() > MAX_TEXT) {
            throw new DomainException("error.tooLong", MAX_TEXT);
        }
        return clean;
    }
}
