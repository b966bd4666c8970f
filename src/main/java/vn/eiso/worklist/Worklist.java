package vn.eiso.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.announcement.Announcements;
import vn.eiso.annualreport.AnnualReports;
import vn.eiso.annualreport.ReportPeriod;
import vn.eiso.audit.AuditSummary;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.RevisionTask;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inspection.Inspection;
import vn.eiso.inspection.Inspections;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.NonconformityWorkflow;
import vn.eiso.worklist.WorkItem.Kind;

/**
 * What waits for the signed-in user, in every unit they belong to and in every role: revisions handed to them to
 * review or approve, their own returned revisions, new nonconformity reports to triage (quality officers, or the head of a unit without one), signed
 * audit reports to acknowledge and import batches to confirm (heads), revisions to read, documents to review, corrective and review actions they
 * own, audits they are on, the unit's annual report and re-announcement for its officers and head, planned
 * inspections for the department. Overdue items first, then by date. Each list
 * comes from the service that owns it, so the same permissions apply as on its own screen.
 */
@Service
public class Worklist {

    public static final String ROUTE = "my-work";
    private static final int DOCUMENTS = 50;

    private final RevisionWorkflow workflow;
    private final DocumentRegister register;
    private final NonconformityWorkflow corrective;
    private final Nonconformities nonconformities;
    private final Audits audits;
    private final ManagementReviews reviews;
    private final AnnualReports reports;
    private final Announcements announcements;
    private final Inspections inspections;
    private final ImportJobs imports;
    private final AccessGuard guard;
    private final Clock clock;

    Worklist(RevisionWorkflow workflow, DocumentRegister register, NonconformityWorkflow corrective,
            Nonconformities nonconformities, Audits audits,
            ManagementReviews reviews, AnnualReports reports, Announcements announcements, Inspections inspections,
            ImportJobs imports, AccessGuard guard, Clock clock) {
        this.workflow = workflow;
        this.register = register;
        this.corrective = corrective;
        this.nonconformities = nonconformities;
        this.audits = audits;
        this.reviews = reviews;
        this.reports = reports;
        this.announcements = announcements;
        this.inspections = inspections;
        this.imports = imports;
        this.guard = guard;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WorkItem> mine() {
        Caller caller = guard.caller();
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> items = new ArrayList<>();
        workflow.myTasks().forEach(t -> items.add(revisionTask(t)));
        nonconformities.awaitingMyTriage().forEach(nc -> items.add(new WorkItem(Kind.NC_TRIAGE, nc.id().label(),
                nc.unitName() + ": " + nc.description(), null, false, "nonconformity/" + nc.id().value())));
        audits.awaitingMyAcknowledgement().forEach(a -> items.add(new WorkItem(Kind.AUDIT_ACKNOWLEDGEMENT,
                a.unitName(), a.title(), null, false, "audit/" + a.id().value())));
        workflow.myPendingReadings().forEach(r -> items.add(new WorkItem(Kind.READ, r.code(), r.title(), null, false,
                "revision/" + r.revisionId().value())));
        corrective.myOpenActions().forEach(a -> items.add(new WorkItem(Kind.CORRECTIVE_ACTION,
                a.nonconformityId().label(), a.description(), a.dueOn(), a.isOverdue(today),
                "nonconformity/" + a.nonconformityId().value())));
        audits.assignedToMe().stream().filter(a -> a.status().isOpen()).forEach(a -> items.add(audit(a, today)));
        Map<UnitId, String> officerOf = units(caller, Role::isEditor);
        for (UnitId unit : officerOf.keySet()) {
            register.reviewsDue(unit, DOCUMENTS).forEach(d -> items.add(new WorkItem(Kind.DOCUMENT_REVIEW, d.code(),
                    d.title(), d.nextReviewOn(), d.reviewOverdue(), "document/" + d.id().value())));
            reviews.openActions(unit).stream().filter(a -> caller.user().map(a.ownerId()::equals).orElse(false))
                    .forEach(a -> items.add(new WorkItem(Kind.REVIEW_ACTION, "#" + a.id(), a.description(),
                            a.dueOn(), a.isOverdue(today), "management-review/" + a.reviewId().value())));
            for (ReportPeriod period : reports.owed(unit)) {
                items.add(new WorkItem(Kind.ANNUAL_REPORT, String.valueOf(period.year()), officerOf.get(unit),
                        period.dueOn(), period.isOverdue(today), AnnualReports.ROUTE));
            }
        }
        for (UnitId unit : units(caller, role -> role == Role.UNIT_HEAD).keySet()) {
            announcements.ofUnit(unit).stream().filter(a -> a.status() == AnnouncementStatus.DUE)
                    .forEach(a -> items.add(new WorkItem(Kind.REANNOUNCEMENT, a.number(), a.dueReason(), null, true,
                            "announcement")));
            imports.awaitingMyConfirmation(unit).forEach(j -> items.add(new WorkItem(Kind.IMPORT_CONFIRMATION,
                    j.archiveName(), j.startedByName(), null, false,
                    ImportJobs.JOB_ROUTE + "/" + j.id())));
        }
        if (caller.isOversight()) {
            inspections.all().stream().filter(i -> i.status() == Inspection.Status.PLANNED)
                    .forEach(i -> items.add(new WorkItem(Kind.INSPECTION, i.unitName(), i.purpose(), i.plannedOn(),
                            i.plannedOn().isBefore(today), "inspections")));
        }
        items.sort(Comparator.comparing(WorkItem::overdue).reversed()
                .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    private static WorkItem revisionTask(RevisionTask t) {
        Kind kind = switch (t.step()) {
            case REVIEW -> Kind.REVISION_REVIEW;
            case APPROVE -> Kind.REVISION_APPROVAL;
            case RETURNED -> Kind.REVISION_RETURNED;
        };
        String text = t.comment() == null ? t.title() : t.title() + " — " + t.comment();
        return new WorkItem(kind, t.code() + " · " + t.number(), text, null, false,
                "revision/" + t.revisionId().value());
    }

    private static WorkItem audit(AuditSummary a, LocalDate today) {
        return new WorkItem(Kind.AUDIT, a.unitName(), a.title(), a.endsOn(), a.isOverdue(today),
                "audit/" + a.id().value());
    }

    /** The units where the caller holds one of the roles, with their names. */
    private static Map<UnitId, String> units(Caller caller, Predicate<Role> wanted) {
        Map<UnitId, String> units = new LinkedHashMap<>();
        caller.grants().stream().filter(g -> wanted.test(g.role()))
                .forEach(g -> units.putIfAbsent(g.unitId(), g.unitName()));
        return units;
    }
}
