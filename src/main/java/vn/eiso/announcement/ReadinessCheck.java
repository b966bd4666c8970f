package vn.eiso.announcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audit.Audits;
import vn.eiso.audit.CompletedAudits;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.base.UnitId;
import vn.eiso.catalogue.Coverage;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;

/**
 * Computes from the unit's data whether it may announce conformity. The thresholds (months of application, how
 * far back audits and reviews count, which clauses need a procedure of their own) are configuration: the legal
 * texts change and provinces differ.
 */
@Service
public class ReadinessCheck {

    private static final Pattern CLAUSE = Pattern.compile("\\d+(?:\\.\\d+)*");

    private final TthcCatalogue catalogue;
    private final JooqAnnouncementRepository repository;
    private final DocumentRegister documents;
    private final Audits audits;
    private final ManagementReviews reviews;
    private final Nonconformities nonconformities;
    private final AccessGuard guard;
    private final Clock clock;
    private final int minMonthsApplied;
    private final int evidenceMonths;
    private final List<String> mandatoryClauses;

    ReadinessCheck(JooqAnnouncementRepository repository, DocumentRegister documents, Audits audits,
            ManagementReviews reviews, Nonconformities nonconformities, AccessGuard guard, Clock clock,
            TthcCatalogue catalogue,
            @Value("${eiso.announcement.min-months-applied:3}") int minMonthsApplied,
            @Value("${eiso.announcement.evidence-months:12}") int evidenceMonths,
            @Value("${eiso.announcement.mandatory-clauses:7.5,9.2,10.2,9.3,6.1}") List<String> mandatoryClauses) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.documents = documents;
        this.audits = audits;
        this.reviews = reviews;
        this.nonconformities = nonconformities;
        this.guard = guard;
        this.clock = clock;
        this.minMonthsApplied = minMonthsApplied;
        this.evidenceMonths = evidenceMonths;
        this.mandatoryClauses = mandatoryClauses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    @Transactional(readOnly = true)
    public Readiness of(UnitId unit) {
        guard.requireReadAccess(unit);
        LocalDate today = LocalDate.now(clock);
        LocalDate evidenceSince = today.minusMonths(evidenceMonths);
        QmsScope scope = repository.scope(unit);
        List<Document> inForce = documents.list(new DocumentFilter(unit, null, DocumentType.PROCEDURE,
                        DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1000).stream()
                .map(DocumentSummary::id).map(documents::get).toList();
        return new Readiness(List.of(scope(scope), catalogue(unit, scope), mandatory(inForce), applied(scope, today),
                audit(unit, scope, evidenceSince), review(unit, evidenceSince), majorNonconformities(unit)));
    }

    private Readiness.Condition scope(QmsScope scope) {
        if (scope.items().isEmpty()) {
            return unmet(Readiness.Key.SCOPE, "readiness.scope.empty", List.of(), List.of(), "announcement");
        }
        List<String> unmapped = scope.items().stream().filter(i -> !i.procedureInForce()).map(ScopeItem::line)
                .toList();
        return unmapped.isEmpty()
                ? met(Readiness.Key.SCOPE, "readiness.scope.ok", List.of(scope.items().size()))
                : unmet(Readiness.Key.SCOPE, "readiness.scope.unmapped", List.of(unmapped.size()), unmapped,
                        "announcement");
    }

    /**
     * Once the province has a catalogue, every TTHC of the scope must be one of its procedures in force; the
     * unit's coverage of all the procedures it handles is shown beside.
     */
    private Readiness.Condition catalogue(UnitId unit, QmsScope scope) {
        if (catalogue.version() == 0) {
            return met(Readiness.Key.TTHC_CATALOGUE, "readiness.catalogue.none", List.of());
        }
        List<String> stale = scope.items().stream().filter(i -> i.kind() == ScopeItem.Kind.TTHC)
                .filter(i -> catalogue.byCode(i.code()).filter(t -> !t.abolished()).isEmpty())
                .map(ScopeItem::line).toList();
        if (!stale.isEmpty()) {
            return unmet(Readiness.Key.TTHC_CATALOGUE, "readiness.catalogue.stale", List.of(stale.size()), stale,
                    "announcement");
        }
        Coverage coverage = catalogue.coverage(unit);
        return met(Readiness.Key.TTHC_CATALOGUE, "readiness.catalogue.ok",
                List.of(coverage.covered(), coverage.procedures(), coverage.percent()));
    }

    private Readiness.Condition mandatory(List<Document> inForce) {
        List<String> missing = mandatoryClauses.stream()
                .filter(clause -> inForce.stream().noneMatch(d -> names(d.isoClauses(), clause))).toList();
        return missing.isEmpty()
                ? met(Readiness.Key.MANDATORY_PROCEDURES, "readiness.mandatory.ok", List.of(mandatoryClauses.size()))
                : unmet(Readiness.Key.MANDATORY_PROCEDURES, "readiness.mandatory.missing", List.of(missing.size()),
                        missing, "documents");
    }

    private Readiness.Condition applied(QmsScope scope, LocalDate today) {
        if (scope.appliedSince() == null) {
            return unmet(Readiness.Key.APPLIED, "readiness.applied.unset", List.of(minMonthsApplied), List.of(),
                    "announcement");
        }
        LocalDate readyOn = scope.appliedSince().plusMonths(minMonthsApplied);
        return readyOn.isAfter(today)
                ? unmet(Readiness.Key.APPLIED, "readiness.applied.tooShort",
                        List.of(scope.appliedSince(), minMonthsApplied, readyOn), List.of(),
                        "announcement")
                : met(Readiness.Key.APPLIED, "readiness.applied.ok", List.of(scope.appliedSince()));
    }

    private Readiness.Condition audit(UnitId unit, QmsScope scope, LocalDate since) {
        CompletedAudits completed = audits.completedSince(unit, since);
        if (completed.count() == 0) {
            return unmet(Readiness.Key.INTERNAL_AUDIT, "readiness.audit.none", List.of(evidenceMonths), List.of(),
                    "audits");
        }
        List<String> unaudited = scope.items().stream()
                .filter(i -> i.procedure() != null && !completed.procedures().contains(i.procedure()))
                .map(i -> i.procedureCode() + " · " + i.procedureTitle()).distinct().sorted().toList();
        return unaudited.isEmpty()
                ? met(Readiness.Key.INTERNAL_AUDIT, "readiness.audit.ok", List.of(completed.count()))
                : unmet(Readiness.Key.INTERNAL_AUDIT, "readiness.audit.notCovered", List.of(unaudited.size()),
                        unaudited, "audits");
    }

    private Readiness.Condition review(UnitId unit, LocalDate since) {
        Optional<LocalDate> last = reviews.ofUnit(unit).stream()
                .filter(r -> r.status() == ManagementReview.Status.CLOSED && !r.heldOn().isBefore(since))
                .map(ManagementReview::heldOn).max(LocalDate::compareTo);
        return last.map(d -> met(Readiness.Key.MANAGEMENT_REVIEW, "readiness.review.ok", List.of(d)))
                .orElseGet(() -> unmet(Readiness.Key.MANAGEMENT_REVIEW, "readiness.review.none",
                        List.of(evidenceMonths), List.of(), "management-reviews"));
    }

    private Readiness.Condition majorNonconformities(UnitId unit) {
        List<String> open = nonconformities.ofUnit(unit, true).stream()
                .filter(n -> n.severity() == Nonconformity.Severity.MAJOR && n.status().isOpen())
                .map(n -> n.id().label() + " · " + n.description()).toList();
        return open.isEmpty()
                ? met(Readiness.Key.NO_MAJOR_NONCONFORMITY, "readiness.major.ok", List.of())
                : unmet(Readiness.Key.NO_MAJOR_NONCONFORMITY, "readiness.major.open", List.of(open.size()), open,
                        "nonconformities");
    }

    /** Whether a register entry's clauses ("4, 7.5, 8.5") name the clause itself or one of its sub-clauses. */
    static boolean names(String isoClauses, String clause) {
        if (isoClauses == null) {
            return false;
        }
        Matcher m = CLAUSE.matcher(isoClauses);
        while (m.find()) {
            if (m.group().equals(clause) || m.group().startsWith(clause + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Readiness.Condition met(Readiness.Key key, String detailKey, List<Object> args) {
        return new Readiness.Condition(key, true, detailKey, args, List.of(), null);
    }

    private static Readiness.Condition unmet(Readiness.Key key, String detailKey, List<Object> args,
            List<String> items, String route) {
        return new Readiness.Condition(key, false, detailKey, args, items, route);
    }
}
