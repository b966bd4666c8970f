package vn.eiso.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Inputs;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
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
 * The audit programme (ISO 9001 9.2.2): the quality officer plans each year's audits over the unit's procedures and
 * the clauses of the standard, with an impartial team; the programme shows what the year's plan leaves uncovered.
 */
@Service
public class Audits {

    public static final String TARGET = "AUDIT";
    /** Planned audits starting this many days ahead count as upcoming. */
    public static final int UPCOMING_DAYS = 30;
    private static final Pattern CLAUSE = Pattern.compile("\\b(10|[4-9])(\\.\\d)?\\b");

    private final JooqInternalAuditRepository audits;
    private final Impartiality impartiality;
    private final JooqAuditorRepository auditors;
    private final DocumentRegister documents;
    private final UnitService units;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    Audits(JooqInternalAuditRepository audits, Impartiality impartiality, JooqAuditorRepository auditors,
            DocumentRegister documents, UnitService units, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.audits = audits;
        this.impartiality = impartiality;
        this.auditors = auditors;
        this.documents = documents;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** The clauses of ISO 9001:2015, 4 to 10, in order. */
    @Transactional(readOnly = true)
    public List<IsoClause> clauses() {
        return audits.clauses();
    }

    /** The unit's procedures in force: what an audit's scope is chosen from. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> procedures(UnitId unit) {
        return documents.list(new DocumentFilter(unit, null, DocumentType.PROCEDURE, DocumentStatus.EFFECTIVE, null,
                false), DocumentSort.CODE, true, 0, 1000);
    }

    @Transactional
    public Audit plan(UnitId unit, AuditPlan input) {
        planner(unit);
        String unitName = units.get(unit).name();
        AuditPlan plan = validated(unit, unitName, input);
        AuditId id = audits.insert(unit, plan, OffsetDateTime.now(clock));
        List<IsoClause> clauses = audits.clauses();
        int position = 0;
        for (IsoClause clause : expand(clauses, plan.clauses())) {
            audits.insertItem(id, ++position, clause.code(), null, null);
        }
        for (DocumentId procedure : plan.procedures()) {
            String clause = firstClause(documents.get(procedure).isoClauses());
            boolean known = clauses.stream().anyMatch(c -> c.code().equals(clause));
            audits.insertItem(id, ++position, known ? clause : null, procedure.value(), null);
        }
        trail.record("AUDIT_PLANNED", TARGET, id, unit, plan.title() + " · " + plan.startsOn() + "–" + plan.endsOn());
        return audits.find(id).orElseThrow();
    }

    /** Removes a planned audit before anyone has worked on it; a started audit is kept. */
    @Transactional
    public void cancel(AuditId id, int version) {
        audits.lock(id);
        Audit audit = get(id);
        planner(audit.unitId());
        if (audit.status() != AuditStatus.PLANNED) {
            throw new DomainException("error.audit.started");
        }
        audits.deleteChildren(id);
        if (!audits.deletePlanned(id, version)) {
            throw new ConcurrentEditException();
        }
        trail.record("AUDIT_CANCELLED", TARGET, id, audit.unitId(), audit.title());
    }

    /** The audit, for whoever may read its unit or is on its team. */
    @Transactional(readOnly = true)
    public Audit get(AuditId id) {
        Audit audit = audits.find(id).orElseThrow(() -> new DomainException("error.audit.notFound"));
        Caller caller = guard.caller();
        if (!caller.canRead(audit.unitId()) && !isWorkingOnTeam(caller, audit)) {
            throw new AccessDeniedException("not allowed to read audit " + id);
        }
        return audit;
    }

    /** The unit's programme for a year, in date order. */
    @Transactional(readOnly = true)
    public List<AuditSummary> programme(UnitId unit, int year) {
        guard.requireReadAccess(unit);
        return audits.list(JooqInternalAuditRepository.ofUnitYear(unit, year));
    }

    /** Audits the caller leads or is on the team of, in any unit: how an auditor from elsewhere finds them. */
    @Transactional(readOnly = true)
    public List<AuditSummary> assignedToMe() {
        return guard.caller().user().filter(auditors::isEligible)
                .map(u -> audits.list(JooqInternalAuditRepository.assignedTo(u))).orElse(List.of());
    }

    /**
     * Whether the caller works on the audit now: named on its team (or its lead) and, read live, still allowed to
     * audit at all (an enabled account, in the pool or holding the internal-auditor role in an active unit). The
     * team list is the plan of when it was made; a disabled auditor or one whose role ended stays on it for the
     * record but no longer reads, records or signs (ADR 0020).
     */
    boolean isWorkingOnTeam(Caller caller, Audit audit) {
        return caller.user().filter(audit::isOnTeam).filter(auditors::isEligible).isPresent();
    }

    /**
     * Signed audit reports (with their findings) waiting for the acknowledgement of the caller as head of the
     * audited unit; each goes once acknowledged.
     */
    @Transactional(readOnly = true)
    public List<AuditSummary> awaitingMyAcknowledgement() {
        List<UnitId> headed = guard.caller().grants().stream().filter(g -> g.role() == Role.UNIT_HEAD)
                .map(g -> g.unitId()).distinct().toList();
        return headed.isEmpty() ? List.of() : audits.list(JooqInternalAuditRepository.signedIn(headed));
    }

    /** Overdue audits and planned ones starting within {@link #UPCOMING_DAYS}, for the dashboard. */
    @Transactional(readOnly = true)
    public List<AuditSummary> needingAttention(UnitId unit) {
        guard.requireReadAccess(unit);
        LocalDate today = today();
        return audits.list(JooqInternalAuditRepository.needingAttention(unit, today, today.plusDays(UPCOMING_DAYS)));
    }

    /** Nonconformities opened by this unit's audit findings and not closed yet. */
    @Transactional(readOnly = true)
    public int openFindings(UnitId unit) {
        guard.requireReadAccess(unit);
        return audits.openFindings(unit);
    }

    /**
     * Audits of the unit signed off and ending on or after {@code since}, with the procedures their scopes
     * covered: the evidence of "an internal audit completed over the scope" before an announcement.
     */
    @Transactional(readOnly = true)
    public CompletedAudits completedSince(UnitId unit, LocalDate since) {
        guard.requireReadAccess(unit);
        return audits.completedSince(unit, since);
    }

    @Transactional(readOnly = true)
    public ProgrammeCoverage coverage(UnitId unit, int year) {
        guard.requireReadAccess(unit);
        Map<Long, Integer> planned = audits.plannedPerProcedure(unit, year);
        Map<Long, Integer> previous = audits.findingsPerProcedure(unit, year - 1);
        List<ProgrammeCoverage.ProcedureCoverage> procedures = new ArrayList<>();
        for (DocumentSummary p : procedures(unit)) {
            Document document = documents.get(p.id());
            boolean citizenFacing = document.tthcCodes() != null && !document.tthcCodes().isBlank();
            int findings = previous.getOrDefault(p.id().value(), 0);
            procedures.add(new ProgrammeCoverage.ProcedureCoverage(p.id().value(), p.code(), p.title(),
                    planned.getOrDefault(p.id().value(), 0), citizenFacing || findings > 0 ? 2 : 1, citizenFacing,
                    findings));
        }
        Set<String> inScope = audits.clausesInScope(unit, year);
        List<IsoClause> all = audits.clauses();
        List<String> uncovered = all.stream().filter(IsoClause::isTopLevel)
                .filter(top -> !inScope.contains(top.code()) && all.stream()
                        .noneMatch(c -> top.code().equals(c.parentCode()) && inScope.contains(c.code())))
                .map(IsoClause::code).toList();
        return new ProgrammeCoverage(procedures, uncovered);
    }

    /** Whether the caller plans this unit's audits (quality officer, head, administrator). */
    @Transactional(readOnly = true)
    public boolean canPlan(UnitId unit) {
        Caller caller = guard.caller();
        return caller.canEdit(unit);
    }

    private Caller planner(UnitId unit) {
        return guard.requireEditor(unit);
    }

    private AuditPlan validated(UnitId unit, String unitName, AuditPlan in) {
        String title = Inputs.required(in.title(), 500, "error.audit.titleRequired");
        String criteria = Inputs.required(in.criteria(), 4000, "error.audit.criteriaRequired");
        if (in.startsOn() == null || in.endsOn() == null) {
            throw new DomainException("error.audit.datesRequired");
        }
        if (in.endsOn().isBefore(in.startsOn())) {
            throw new DomainException("error.audit.dateOrder");
        }
        if (in.endsOn().getYear() != in.startsOn().getYear()) {
            throw new DomainException("error.audit.sameYear");
        }
        Set<DocumentId> procedures = in.procedures() == null ? Set.of() : in.procedures();
        Set<String> clauses = in.clauses() == null ? Set.of() : in.clauses();
        if (procedures.isEmpty() && clauses.isEmpty()) {
            throw new DomainException("error.audit.scopeRequired");
        }
        Set<String> known = new LinkedHashSet<>();
        audits.clauses().forEach(c -> known.add(c.code()));
        if (!known.containsAll(clauses)) {
            throw new DomainException("error.audit.clauseUnknown");
        }
        Map<DocumentId, String> codes = new LinkedHashMap<>();
        for (DocumentId id : procedures) {
            Document document = scoped(id);
            if (!document.unitId().equals(unit) || document.type() != DocumentType.PROCEDURE) {
                throw new DomainException("error.audit.scopeForeign", document.code());
            }
            codes.put(id, document.code());
        }
        if (in.lead() == null) {
            throw new DomainException("error.audit.leadRequired");
        }
        Set<UserId> team = new LinkedHashSet<>(in.team() == null ? Set.of() : in.team());
        team.remove(in.lead());
        List<UserId> everyone = new ArrayList<>();
        everyone.add(in.lead());
        everyone.addAll(team);
        impartiality.check(unit, unitName, everyone, codes);
        return new AuditPlan(title, criteria, in.startsOn(), in.endsOn(), in.lead(), team, codes.keySet(), clauses);
    }

    /** A procedure the planner cannot even read is certainly not one of the audited unit's. */
    private Document scoped(DocumentId id) {
        try {
            return documents.get(id);
        } catch (AccessDeniedException e) {
            throw new DomainException("error.audit.scopeForeign", "#" + id.value());
        }
    }

    /** A top-level clause in scope stands for all its sub-clauses: the checklist asks about each. */
    private static List<IsoClause> expand(List<IsoClause> all, Set<String> scope) {
        return all.stream().filter(c -> !c.isTopLevel())
                .filter(c -> scope.contains(c.code()) || scope.contains(c.parentCode())).toList();
    }

    /** The first sub-clause a procedure names in its register entry ("4, 7.5, 8.5" gives 7.5), if any. */
    static String firstClause(String isoClauses) {
        if (isoClauses == null) {
            return null;
        }
        Matcher m = CLAUSE.matcher(isoClauses);
        while (m.find()) {
            if (m.group(2) != null) {
                return m.group(1) + m.group(2);
            }
        }
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
