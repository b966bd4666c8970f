package vn.eiso.nonconformity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.eiso.base.Allowed;
import vn.eiso.base.NextStep;
import vn.eiso.base.Verdict;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionId;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.JooqNonconformityRepository.Column;
import vn.eiso.nonconformity.Nonconformity.Status;
import vn.eiso.organisation.UserService;

/**
 * The closed loop of clause 10.2: reported → analysing → actions planned → in progress → verifying → closed, or
 * back to analysing when the actions were not effective. A root cause comes before any plan; closing needs an
 * effectiveness review by someone who owns none of the actions; a reopening starts a new round of actions and keeps
 * the earlier ones and every move in the history.
 */
@Service
public class NonconformityWorkflow {

    private final JooqNonconformityRepository repository;
    private final Nonconformities register;
    private final UserService users;
    private final RevisionWorkflow revisions;
    private final DocumentRegister documents;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final int effectivenessDays;

    NonconformityWorkflow(JooqNonconformityRepository repository, Nonconformities register, UserService users,
            RevisionWorkflow revisions, DocumentRegister documents, AccessGuard guard, AuditTrail trail, Clock clock,
            @Value("${eiso.nc.effectiveness-days:30}") int effectivenessDays) {
        this.repository = repository;
        this.register = register;
        this.users = users;
        this.revisions = revisions;
        this.documents = documents;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.effectivenessDays = effectivenessDays;
    }

    /** Triage: a real nonconformity, with its severity; analysis starts. */
    @Transactional
    public Nonconformity accept(NonconformityId id, int version, Nonconformity.Severity severity) {
        Nonconformity nc = managed(id);
        return accept(id, version, severity, nc.clauseCode(), nc.documentId() == null ? null
                : new DocumentId(nc.documentId()));
    }

    /** Triage with what the report left open: the clause and the procedure or document concerned (optional). */
    @Transactional
    public Nonconformity accept(NonconformityId id, int version, Nonconformity.Severity severity, String clause,
            DocumentId document) {
        Nonconformity nc = managed(id);
        if (severity == null) {
            throw new DomainException("error.nc.severityRequired");
        }
        if (nc.auditItemId() != null && severity != nc.severity()) {
            throw new DomainException("error.nc.findingSeverity");
        }
        if (clause != null && !repository.clauses().contains(clause)) {
            throw new DomainException("error.audit.clauseUnknown");
        }
        if (document != null && !documents.get(document).unitId().equals(nc.unitId())) {
            throw new DomainException("error.nc.documentForeign");
        }
        Map<Column, Object> values = values(Column.SEVERITY, severity.name());
        values.put(Column.CLAUSE_CODE, clause);
        values.put(Column.DOCUMENT_ID, document == null ? null : document.value());
        return move(nc, version, List.of(Status.REPORTED), Status.ANALYSING, values, "NC_ACCEPTED", null);
    }

    /** The sub-clauses a nonconformity may be filed under. */
    @Transactional(readOnly = true)
    public List<String> clauses() {
        return repository.clauses();
    }

    // ---- what the caller may do now, and what comes next

    /**
     * The nonconformity with everything its page asks of it, from one read of the record and one of its actions:
     * the page used to read the record once per question, which was most of opening it (ADR 0028).
     */
    @Transactional(readOnly = true)
    public NcState state(NonconformityId id) {
        Nonconformity nc = register.get(id);
        List<CorrectiveAction> actions = repository.actionsOf(id);
        List<CorrectiveAction> round = roundOf(nc, actions);
        Caller caller = guard.caller();
        boolean manager = caller.canEdit(nc.unitId());
        return new NcState(nc, actions, allowedActions(nc, round, caller, manager),
                completableActions(nc, actions, caller, manager), nextStep(nc, round));
    }

    /** The actions the caller may take on the nonconformity now: the rules the action methods check too. */
    private static Allowed<NcAction> allowedActions(Nonconformity nc, List<CorrectiveAction> round, Caller caller,
            boolean manager) {
        Allowed<NcAction> allowed = new Allowed<>(NcAction.class);
        Verdict hidden = Verdict.hidden("error.accessDenied");
        Status status = nc.status();
        allowed.put(NcAction.ACCEPT, manager && status == Status.REPORTED ? Verdict.ALLOWED : hidden);
        allowed.put(NcAction.DISMISS, manager && status == Status.REPORTED ? dismissVerdict(nc) : hidden);
        allowed.put(NcAction.ANALYSE, manager && status == Status.ANALYSING ? Verdict.ALLOWED : hidden);
        allowed.put(NcAction.PLAN, manager && status == Status.ANALYSING ? planVerdict(nc, round) : hidden);
        allowed.put(NcAction.ADD_ACTION, manager && List.of(Status.ANALYSING, Status.ACTIONS_PLANNED,
                Status.IN_PROGRESS).contains(status) ? Verdict.ALLOWED : hidden);
        allowed.put(NcAction.ASSIGN_VERIFIER, manager && List.of(Status.ACTIONS_PLANNED, Status.IN_PROGRESS,
                Status.VERIFYING).contains(status) ? Verdict.ALLOWED : hidden);
        allowed.put(NcAction.VERIFY, verifyVerdict(nc, caller.user().orElse(null), round));
        allowed.put(NcAction.LINK_REVISION, manager ? Verdict.ALLOWED : hidden);
        return allowed;
    }

    /** The corrective actions the caller may mark done now (their own, or any for a manager). */
    private static Set<Long> completableActions(Nonconformity nc, List<CorrectiveAction> actions, Caller caller,
            boolean manager) {
        if (nc.status() != Status.ACTIONS_PLANNED && nc.status() != Status.IN_PROGRESS) {
            return Set.of();
        }
        Optional<UserId> me = caller.user();
        return actions.stream().filter(a -> !a.isDone())
                .filter(a -> manager || me.map(a.ownerId()::equals).orElse(false))
                .map(CorrectiveAction::id).collect(Collectors.toSet());
    }

    /** The status line: what happens next and who does it. */
    private static NextStep nextStep(Nonconformity nc, List<CorrectiveAction> round) {
        return switch (nc.status()) {
            case REPORTED -> NextStep.of("nextStep.nc.reported");
            case ANALYSING -> NextStep.of(nc.rootCause() == null ? "nextStep.nc.analyse" : "nextStep.nc.plan");
            case ACTIONS_PLANNED, IN_PROGRESS -> {
                List<String> owners = round.stream().filter(a -> !a.isDone())
                        .map(CorrectiveAction::ownerName).distinct().toList();
                yield NextStep.of("nextStep.nc.actions", owners.isEmpty() ? "—" : String.join(", ", owners));
            }
            case VERIFYING -> nc.verifierName() == null ? NextStep.of("nextStep.nc.assignVerifier")
                    : NextStep.of("nextStep.nc.verify", nc.verifierName(), nc.verifyDueOn());
            case CLOSED -> NextStep.of("nextStep.nc.closed");
        };
    }

    private static Verdict dismissVerdict(Nonconformity nc) {
        return nc.auditItemId() != null ? Verdict.hidden("error.nc.findingNotDismissable") : Verdict.ALLOWED;
    }

    private static Verdict planVerdict(Nonconformity nc, List<CorrectiveAction> round) {
        if (nc.rootCause() == null) {
            return Verdict.refused("error.nc.rootCauseRequired");
        }
        if (round.isEmpty()) {
            return Verdict.refused("error.nc.actionsRequired");
        }
        return Verdict.ALLOWED;
    }

    private static Verdict verifyVerdict(Nonconformity nc, UserId me, List<CorrectiveAction> round) {
        if (nc.status() != Status.VERIFYING) {
            return Verdict.hidden("error.nc.notVerifying");
        }
        if (me == null || !me.equals(nc.verifierId())) {
            return Verdict.hidden("error.nc.verifierOnly");
        }
        if (round.stream().anyMatch(a -> a.ownerId().equals(me))) {
            return Verdict.refused("error.nc.verifierOwnsAction");
        }
        return Verdict.ALLOWED;
    }

    /** Triage: not a nonconformity after all; closed with the reason, which stays in the register. */
    @Transactional
    public Nonconformity dismiss(NonconformityId id, int version, String reason) {
        Nonconformity nc = managed(id);
        dismissVerdict(nc).orThrow();
        String clean = Nonconformities.text(reason, "error.nc.reasonRequired");
        Map<Column, Object> values = values(Column.CLOSED_REASON, clean);
        values.put(Column.CLOSED_AT, now());
        return move(nc, version, List.of(Status.REPORTED), Status.CLOSED, values, "NC_DISMISSED", clean);
    }

    /** Correction (what was done at once) apart from the root cause (why it happened), while analysing. */
    @Transactional
    public Nonconformity analyse(NonconformityId id, int version, String correction, String rootCause,
            Nonconformity.CauseCategory category) {
        Nonconformity nc = managed(id);
        Map<Column, Object> values = values(Column.CORRECTION, optional(correction));
        values.put(Column.ROOT_CAUSE, optional(rootCause));
        values.put(Column.CAUSE_CATEGORY, category == null ? null : category.name());
        if (!repository.update(id, version, List.of(Status.ANALYSING), values)) {
            throw nc.status() == Status.ANALYSING ? new ConcurrentEditException()
                    : new DomainException("error.nc.notAnalysing");
        }
        // The trail keeps each round's analysis: the row holds only the latest.
        trail.record("NC_ANALYSED", Nonconformities.TARGET, id, nc.unitId(), "correction: " + optional(correction)
                + " | root cause: " + optional(rootCause) + " | " + category);
        return register.get(id);
    }

    /** A corrective action for the current round: owner from the unit, due date not in the past. */
    @Transactional
    public CorrectiveAction addAction(NonconformityId id, String description, UserId owner, LocalDate dueOn) {
        repository.lock(id);
        Nonconformity nc = managed(id);
        if (!List.of(Status.ANALYSING, Status.ACTIONS_PLANNED, Status.IN_PROGRESS).contains(nc.status())) {
            throw new DomainException("error.nc.noActionsNow");
        }
        String clean = Nonconformities.text(description, "error.nc.actionRequired");
        if (owner == null || dueOn == null) {
            throw new DomainException("error.nc.actionIncomplete");
        }
        if (dueOn.isBefore(today())) {
            throw new DomainException("error.nc.duePast");
        }
        users.requireMember(nc.unitId(), owner);
        if (owner.equals(nc.verifierId())) {
            throw new DomainException("error.nc.verifierOwnsAction");
        }
        long action = repository.insertAction(id, nc.unitId(), clean, owner, dueOn, nc.reopened(), now());
        trail.record("NC_ACTION_ADDED", Nonconformities.TARGET, id, nc.unitId(), "action " + action + ": " + clean);
        return repository.action(action).orElseThrow();
    }

    /** The plan is set: a root cause is required first, and at least one action of this round. */
    @Transactional
    public Nonconformity planActions(NonconformityId id, int version) {
        repository.lock(id);
        Nonconformity nc = managed(id);
        planVerdict(nc, currentRound(nc)).orThrow();
        return move(nc, version, List.of(Status.ANALYSING), Status.ACTIONS_PLANNED, new LinkedHashMap<>(),
                "NC_ACTIONS_PLANNED", null);
    }

    /**
     * The owner (or the quality officer or head) marks an action done with its evidence. The first one done starts
     * the work; the last one of the round hands the nonconformity over for the effectiveness review, due after the
     * configured period.
     */
    @Transactional
    public Nonconformity completeAction(long actionId, int version, String evidence) {
        CorrectiveAction action = repository.action(actionId)
                .orElseThrow(() -> new DomainException("error.nc.notFound"));
        repository.lock(action.nonconformityId());
        Nonconformity nc = register.get(action.nonconformityId());
        Caller caller = guard.caller();
        if (!caller.user().map(action.ownerId()::equals).orElse(false)) {
            guard.requireEditor(nc.unitId());
        }
        if (nc.status() != Status.ACTIONS_PLANNED && nc.status() != Status.IN_PROGRESS) {
            throw new DomainException("error.nc.notInProgress");
        }
        String clean = Nonconformities.text(evidence, "error.nc.evidenceRequired");
        if (!repository.completeAction(actionId, version, clean, now())) {
            throw new ConcurrentEditException();
        }
        trail.record("NC_ACTION_DONE", Nonconformities.TARGET, nc.id(), nc.unitId(), "action " + actionId);
        boolean allDone = currentRound(nc).stream().allMatch(a -> a.isDone() || a.id() == actionId);
        Status to = allDone ? Status.VERIFYING : Status.IN_PROGRESS;
        if (to == nc.status()) {
            return register.get(nc.id());
        }
        Map<Column, Object> values = new LinkedHashMap<>();
        if (allDone) {
            values.put(Column.VERIFY_DUE_ON, today().plusDays(effectivenessDays));
        }
        return move(nc, nc.version(), List.of(Status.ACTIONS_PLANNED, Status.IN_PROGRESS), to, values,
                allDone ? "NC_VERIFICATION_DUE" : "NC_IN_PROGRESS", null);
    }

    /** Names who reviews effectiveness: a member of the unit who owns none of this round's actions. */
    @Transactional
    public Nonconformity assignVerifier(NonconformityId id, int version, UserId verifier) {
        repository.lock(id);
        Nonconformity nc = managed(id);
        if (verifier == null) {
            throw new DomainException("error.nc.verifierRequired");
        }
        if (currentRound(nc).stream().anyMatch(a -> a.ownerId().equals(verifier))) {
            throw new DomainException("error.nc.verifierOwnsAction");
        }
        users.requireMember(nc.unitId(), verifier);
        if (!repository.update(id, version, List.of(Status.IN_PROGRESS, Status.ACTIONS_PLANNED, Status.VERIFYING),
                values(Column.VERIFIER_ID, verifier.value()))) {
            throw nc.status().isOpen() && nc.status() != Status.REPORTED && nc.status() != Status.ANALYSING
                    ? new ConcurrentEditException() : new DomainException("error.nc.notInProgress");
        }
        trail.record("NC_VERIFIER_ASSIGNED", Nonconformities.TARGET, id, nc.unitId(), "user " + verifier);
        return register.get(id);
    }

    /**
     * The effectiveness review, by the assigned verifier only: effective closes the nonconformity; not effective
     * sends it back to analysis for a new round, keeping everything done so far.
     */
    @Transactional
    public Nonconformity verify(NonconformityId id, int version, Boolean effective, String note) {
        repository.lock(id);
        Nonconformity nc = register.get(id);
        UserId me = guard.caller().user().orElseThrow(() -> new AccessDeniedException("no user"));
        verifyVerdict(nc, me, currentRound(nc)).orThrow();
        if (effective == null) {
            throw new DomainException("error.nc.effectivenessRequired");
        }
        String clean = Nonconformities.text(note, "error.nc.verificationNoteRequired");
        Map<Column, Object> values = values(Column.VERIFICATION_NOTE, clean);
        if (effective) {
            values.put(Column.CLOSED_AT, now());
            return move(nc, version, List.of(Status.VERIFYING), Status.CLOSED, values, "NC_CLOSED", clean);
        }
        values.put(Column.REOPENED, nc.reopened() + 1);
        values.put(Column.VERIFIER_ID, null);
        values.put(Column.VERIFY_DUE_ON, null);
        return move(nc, version, List.of(Status.VERIFYING), Status.ANALYSING, values, "NC_REOPENED", clean);
    }

    /** The document revision the nonconformity led to (and the change request behind it, if any). */
    @Transactional
    public Nonconformity linkRevision(NonconformityId id, int version, RevisionId revisionId) {
        Nonconformity nc = managed(id);
        Revision revision = revisions.get(revisionId);
        if (!documents.get(revision.documentId()).unitId().equals(nc.unitId())) {
            throw new DomainException("error.nc.revisionForeign");
        }
        Map<Column, Object> values = values(Column.REVISION_ID, revisionId.value());
        values.put(Column.CHANGE_REQUEST_ID,
                revision.changeRequestId() == null ? null : revision.changeRequestId().value());
        if (!repository.update(id, version, List.of(Status.values()), values)) {
            throw new ConcurrentEditException();
        }
        trail.record("NC_LINKED", Nonconformities.TARGET, id, nc.unitId(), "revision " + revisionId);
        return register.get(id);
    }

    /** The unit's overdue actions, for the head: escalation is seeing them, by name, every day. */
    @Transactional(readOnly = true)
    public List<CorrectiveAction> overdue(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.overdue(unit, today());
    }

    /** The caller's own actions not done yet, in any unit. */
    @Transactional(readOnly = true)
    public List<CorrectiveAction> myOpenActions() {
        return guard.caller().user().map(repository::openActionsOf).orElse(List.of());
    }

    private List<CorrectiveAction> currentRound(Nonconformity nc) {
        return roundOf(nc, repository.actionsOf(nc.id()));
    }

    private static List<CorrectiveAction> roundOf(Nonconformity nc, List<CorrectiveAction> actions) {
        return actions.stream().filter(a -> a.round() == nc.reopened()).toList();
    }

    private Nonconformity managed(NonconformityId id) {
        Nonconformity nc = register.get(id);
        guard.requireEditor(nc.unitId());
        return nc;
    }

    private Nonconformity move(Nonconformity nc, int version, List<Status> from, Status to,
            Map<Column, Object> values, String action, String note) {
        values.put(Column.STATUS, to.name());
        if (!repository.update(nc.id(), version, from, values)) {
            throw from.contains(nc.status()) ? new ConcurrentEditException()
                    : new DomainException("error.nc.wrongState", nc.status().name());
        }
        repository.insertEvent(nc.id(), now(), guard.caller().user().orElseThrow(), nc.status(), to, note);
        trail.record(action, Nonconformities.TARGET, nc.id(), nc.unitId(), nc.status() + " → " + to
                + (note == null ? "" : ": " + note));
        return register.get(nc.id());
    }

    private static Map<Column, Object> values(Column field, Object value) {
        Map<Column, Object> values = new LinkedHashMap<>();
        values.put(field, value);
        return values;
    }

    private static String optional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > Nonconformities.MAX_TEXT) {
            throw new DomainException("error.tooLong", Nonconformities.MAX_TEXT);
        }
        return clean;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
