package vn.eiso.announcement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Inputs;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.catalogue.CatalogueChanged;
import vn.eiso.document.EvidenceFiles;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitRestructured;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserService;
import vn.eiso.reporting.DecisionPdf;
import vn.eiso.search.SearchService;
import vn.eiso.signature.SignatureReport;
import vn.eiso.signature.Signatures;

/**
 * The conformity announcement: the head issues the decision once the unit is ready, the system renders it from
 * the province's template, keeps it, tells the science department, and publishes it on the public register.
 * A later change of scope or a restructuring flags it "re-announcement due"; a new announcement supersedes it.
 */
@Service
public class Announcements {

    public static final String TARGET = "ANNOUNCEMENT";
    /** Where the public register lives: a Vietnamese address a province portal can link to. */
    public static final String PUBLIC_ROUTE = "cong-bo";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<String> SIGNED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private final JooqAnnouncementRepository repository;
    private final ReadinessCheck readiness;
    private final UnitService units;
    private final UserService users;
    private final EvidenceFiles files;
    private final Inbox inbox;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final SearchService search;
    private final SignedCopyRule signedCopyRule;
    private final Signatures signatures;

    Announcements(SearchService search, JooqAnnouncementRepository repository, ReadinessCheck readiness,
            UnitService units, UserService users, EvidenceFiles files, Inbox inbox, AccessGuard guard, AuditTrail trail,
            Clock clock, SignedCopyRule signedCopyRule, Signatures signatures) {
        this.signedCopyRule = signedCopyRule;
        this.signatures = signatures;
        this.repository = repository;
        this.readiness = readiness;
        this.units = units;
        this.users = users;
        this.files = files;
        this.inbox = inbox;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.search = search;
    }

    /** The unit's announcements, newest first, superseded ones included: the history is kept. */
    @Transactional(readOnly = true)
    public List<Announcement> ofUnit(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.ofUnit(unit);
    }

    /** Only the unit's head issues or withdraws the decision. */
    @Transactional(readOnly = true)
    public boolean canAnnounce(UnitId unit) {
        Caller caller = guard.caller();
        return caller.isAdministrator() || caller.hasRoleIn(unit, Role.UNIT_HEAD);
    }

    /** The decision as it would be issued, to check before signing; nothing is recorded. */
    @Transactional(readOnly = true)
    public byte[] preview(UnitId unit, Decision input) {
        head(unit);
        return render(unit, validated(input), Scopes.text(repository.scope(unit)));
    }

    /**
     * Issues the decision: refused while the unit is not ready (naming what is missing) or when the number was
     * used before by this unit. Earlier announcements of the unit are superseded.
     */
    @Transactional
    public Announcement announce(UnitId unit, Decision input) {
        Caller caller = head(unit);
        Decision decision = validated(input);
        repository.lockUnit(unit);
        if (!units.get(unit).isActive()) {
            throw new DomainException("error.announcement.unitArchived");
        }
        Readiness ready = readiness.of(unit);
        if (!ready.isReady()) {
            throw new DomainException("error.announcement.notReady", ready.unmet().size(), ready.unmet().stream()
                    .map(c -> new DomainException.Key("readiness." + c.key())).toList());
        }
        if (repository.numberTaken(unit, decision.number())) {
            throw new DomainException("error.announcement.numberTaken", decision.number());
        }
        String scopeText = Scopes.text(repository.scope(unit));
        byte[] pdf = render(unit, decision, scopeText);
        EvidenceFiles.Stored stored = files.store(fileName(decision.number()), pdf);
        long id = repository.insert(unit, decision, scopeText, Scopes.fingerprint(repository.scope(unit)), stored.sha256(),
                caller.user().orElseThrow(), OffsetDateTime.now(clock));
        for (long superseded : repository.supersedeCurrent(unit, id)) {
            trail.record("ANNOUNCEMENT_SUPERSEDED", TARGET, superseded, unit, decision.number());
        }
        trail.record("ANNOUNCED", TARGET, id, unit, decision.number() + " · " + decision.decidedOn());
        String unitName = units.get(unit).name();
        inbox.post(users.holdersOf(Role.OVERSIGHT), "notice.announced",
                List.of(unitName, decision.number(), DAY.format(decision.decidedOn())), PUBLIC_ROUTE);
        return repository.find(id).orElseThrow();
    }

    /** Attaches the signed decision (a scan or a digitally signed PDF): the public register then serves it. */
    @Transactional
    public Announcement attachSigned(long id, String fileName, byte[] content) {
        Announcement announcement = existing(id);
        head(announcement.unitId());
        if (!announcement.status().isCurrent()) {
            throw new DomainException("error.announcement.notCurrent");
        }
        EvidenceFiles.Stored stored = files.store(fileName, content);
        if (!SIGNED_TYPES.contains(stored.contentType())) {
            throw new DomainException("error.announcement.signedType");
        }
        signedCopyRule.check(announcement, stored.contentType(), stored.sha256(), content);
        repository.attachSigned(id, stored.fileName(), stored.contentType(), stored.sha256());
        trail.record("ANNOUNCEMENT_SIGNED_ATTACHED", TARGET, id, announcement.unitId(), stored.fileName());
        return existing(id);
    }

    /** The head withdraws the unit's announcement, or the science department does after an inspection. */
    @Transactional
    public void withdraw(long id, int version, String reason) {
        Announcement announcement = existing(id);
        Caller caller = guard.caller();
        if (!canAnnounce(announcement.unitId()) && !caller.isOversight()) {
            throw new AccessDeniedException("head or science department required");
        }
        String why = Inputs.required(reason, 1000, "error.announcement.reasonRequired");
        if (!announcement.status().isCurrent()) {
            throw new DomainException("error.announcement.notCurrent");
        }
        if (!repository.withdraw(id, version, why, OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        trail.record("ANNOUNCEMENT_WITHDRAWN", TARGET, id, announcement.unitId(), why);
        inbox.post(users.holdersOf(Role.OVERSIGHT), "notice.withdrawn",
                List.of(announcement.issuedUnitName(), announcement.number(), why), PUBLIC_ROUTE);
    }

    /** The decision as generated when it was issued. */
    @Transactional(readOnly = true)
    public byte[] decisionPdf(long id) {
        existing(id);
        return files.read(repository.decisionSha(id).orElseThrow());
    }

    /** The verdicts on the signatures of the signed copy; empty when there is none, or it is a scan. */
    @Transactional(readOnly = true)
    public Optional<SignatureReport> signedCopySignatures(long id) {
        existing(id);
        return repository.signedFile(id).filter(f -> "application/pdf".equals(f.contentType()))
                .map(f -> signatures.report(f.sha256(), () -> files.read(f.sha256())));
    }

    @Transactional(readOnly = true)
    public DownloadedFile signedCopy(long id) {
        existing(id);
        var file = repository.signedFile(id).orElseThrow(() -> new DomainException("error.announcement.noSigned"));
        return new DownloadedFile(file.name(), file.contentType(), files.read(file.sha256()));
    }

    @Transactional(readOnly = true)
    public DecisionTemplate template() {
        guard.caller();
        return repository.template();
    }

    /** The science department (or an administrator) edits the province's decision template. */
    @Transactional
    public DecisionTemplate saveTemplate(DecisionTemplate input) {
        guard.requireProvinceWide();
        String body = Inputs.required(input.body(), 20_000, "error.template.bodyRequired");
        if (!body.contains("{scope}") || !body.contains("{unit}")) {
            throw new DomainException("error.template.placeholders");
        }
        DecisionTemplate clean = new DecisionTemplate(Inputs.required(input.place(), 100, "error.template.placeRequired"),
                Inputs.required(input.title(), 500, "error.template.titleRequired"), body,
                Inputs.required(input.recipients(), 2000, "error.template.recipientsRequired"), input.version());
        repository.saveTemplate(clean, guard.actorName(), OffsetDateTime.now(clock));
        trail.record("ANNOUNCEMENT_TEMPLATE_SAVED", TARGET, null, null, null);
        return repository.template();
    }

    /** A scope naming a procedure the catalogue amended or abolished no longer says what it did: due again. */
    @EventListener
    void onCatalogueChanged(CatalogueChanged event) {
        for (UnitId unit : repository.unitsWithScopeCodes(event.amendedOrAbolished())) {
            for (long due : repository.markDue(unit, "CATALOGUE_CHANGED")) {
                trail.record("ANNOUNCEMENT_DUE", TARGET, due, unit, "CATALOGUE_CHANGED · v" + event.version());
            }
        }
    }

    /** A merge or split changes what the successor covers: its announcement (and a split source's) falls due. */
    @EventListener
    void onRestructured(UnitRestructured event) {
        String reason = event.kind().name();
        repository.inheritAppliedSince(event.predecessor(), event.successor(), OffsetDateTime.now(clock));
        for (UnitId unit : event.kind() == UnitRestructured.Kind.SPLIT
                ? List.of(event.predecessor(), event.successor()) : List.of(event.successor())) {
            for (long due : repository.markDue(unit, reason)) {
                trail.record("ANNOUNCEMENT_DUE", TARGET, due, unit,
                        reason + " · " + event.predecessorName() + " → " + event.successorName());
            }
        }
    }

    /** A file as downloaded: its name, type and bytes. */
    public record DownloadedFile(String name, String contentType, byte[] content) {
    }

    /** The file a citizen downloads from the public register; read without anyone signed in. */
    @Transactional(readOnly = true)
    public DownloadedFile publicFile(long id) {
        var file = repository.publicFile(id).orElseThrow(() -> new DomainException("error.announcement.notFound"));
        byte[] content = SystemAuthentication.runAsSystem(() -> files.read(file.sha256()));
        // Named after the decision number, never after whatever the uploader called the scan.
        String name = fileName(file.name()).replaceFirst("\\.pdf$", switch (file.contentType()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        });
        return new DownloadedFile(name, file.contentType(), content);
    }

    /**
     * The kept verdicts on the signatures of the files the public register serves, by announcement; read without
     * login, so never verified on demand (a file not yet checked under the current trust store has none).
     */
    @Transactional(readOnly = true)
    public Map<Long, SignatureReport> publicSignatures() {
        Map<Long, String> pdfs = repository.publicPdfs();
        Map<String, SignatureReport> kept = signatures.kept(pdfs.values());
        Map<Long, SignatureReport> byAnnouncement = new HashMap<>();
        pdfs.forEach((id, sha256) -> Optional.ofNullable(kept.get(sha256))
                .ifPresent(report -> byAnnouncement.put(id, report)));
        return byAnnouncement;
    }

    /** Every announcement, public columns only: no login needed. */
    @Transactional(readOnly = true)
    public List<PublicAnnouncement> publicRegister() {
        return repository.publicRegister();
    }

    /**
     * The public register's search, without login: the decisions whose public columns match the text, best
     * first. Asked of the search index as an anonymous caller whoever may be signed in, so it can only ever find
     * published decisions; what is shown is read again from the register's own public columns.
     */
    @Transactional(readOnly = true)
    public List<PublicAnnouncement> searchPublicRegister(String text) {
        Map<Long, PublicAnnouncement> register = new java.util.HashMap<>();
        repository.publicRegister().forEach(a -> register.put(a.id(), a));
        return search.searchAnonymously(text, 100).stream().map(h -> AnnouncementSearchSource.idOf(h.key()))
                .filter(java.util.Objects::nonNull).map(register::get).filter(java.util.Objects::nonNull).toList();
    }

    private byte[] render(UnitId unit, Decision d, String scopeText) {
        Unit issuer = units.get(unit);
        DecisionTemplate template = repository.template();
        Map<String, String> values = Map.of("{unit}", issuer.name(), "{number}", d.number(), "{date}",
                DAY.format(d.decidedOn()), "{signer}", d.signerName());
        List<String> body = new ArrayList<>();
        for (String line : template.body().split("\\R")) {
            if (line.strip().equals("{scope}")) {
                Arrays.stream(scopeText.split("\n")).filter(s -> !s.isBlank()).map(s -> "- " + s).forEach(body::add);
                continue;
            }
            String filled = line.replace("{scope}", scopeText.replace("\n", "; "));
            for (var e : values.entrySet()) {
                filled = filled.replace(e.getKey(), e.getValue());
            }
            if (!filled.isBlank()) {
                body.add(filled);
            }
        }
        return DecisionPdf.render(new DecisionPdf.Content(units.parentName(unit).orElse(null), issuer.name(),
                d.number(), template.place() + ", " + longDate(d.decidedOn()), "QUYẾT ĐỊNH", template.title(),
                d.signerTitle() + " " + issuer.name(), body, List.of(template.recipients().split("\\R")),
                d.signerTitle(), d.signerName()));
    }

    /** "ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take a leading zero (Decree 30/2020). */
    static String longDate(LocalDate date) {
        int month = date.getMonthValue();
        return "ngày %02d tháng %s năm %d".formatted(date.getDayOfMonth(),
                month <= 2 ? "%02d".formatted(month) : String.valueOf(month), date.getYear());
    }

    private Decision validated(Decision d) {
        if (d == null) {
            throw new DomainException("error.announcement.numberRequired");
        }
        String number = Inputs.required(d.number(), 64, "error.announcement.numberRequired");
        if (!number.matches("[\\p{L}\\p{N}/.\\-]+")) {
            throw new DomainException("error.announcement.numberFormat");
        }
        if (d.decidedOn() == null) {
            throw new DomainException("error.announcement.dateRequired");
        }
        if (d.decidedOn().isAfter(LocalDate.now(clock))) {
            throw new DomainException("error.announcement.dateFuture");
        }
        return new Decision(number, d.decidedOn(), Inputs.required(d.signerName(), 255,
                "error.announcement.signerRequired"), Inputs.required(d.signerTitle(), 255,
                "error.announcement.signerTitleRequired"));
    }

    private static String fileName(String number) {
        return "QD-cong-bo-" + number.replaceAll("[^\\p{L}\\p{N}.\\-]+", "-") + ".pdf";
    }

    private Caller head(UnitId unit) {
        if (!canAnnounce(unit)) {
            throw new AccessDeniedException("unit head required in " + unit);
        }
        return guard.caller();
    }

    private Announcement existing(long id) {
        Announcement announcement = repository.find(id)
                .orElseThrow(() -> new DomainException("error.announcement.notFound"));
        guard.requireReadAccess(announcement.unitId());
        return announcement;
    }
}
