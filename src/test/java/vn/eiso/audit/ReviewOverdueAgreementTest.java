package vn.eiso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.console.RolloutConsole;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ExternalStatus;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/**
 * "Review overdue" is one rule: on the same data the register, the console, the officer's work list and the
 * management-review figures count the same documents, and a review date turns overdue at the unit's midnight.
 */
class ReviewOverdueAgreementTest extends ServiceTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    RolloutConsole console;
    @Autowired
    Worklist worklist;
    @Autowired
    JooqReviewFigures figures;

    @Test
    void a_review_date_turns_overdue_at_local_midnight_on_every_screen_alike() {
        Document document = inForce();
        LocalDate due = register.get(document.id()).nextReviewOn();

        try (var evening = clock.moveTo(due.atTime(23, 59))) {
            assertThat(overdueInRegister()).doesNotContain(document.code());
            assertThat(onWorkList(document)).isFalse();
            screensAgree();
        }
        try (var midnight = clock.moveTo(due.plusDays(1).atStartOfDay())) {
            assertThat(overdueInRegister()).contains(document.code());
            assertThat(onWorkList(document)).isTrue();
            assertThat(screensAgree()).isPositive();
        }
    }

    @Test
    void a_document_flagged_by_a_changed_external_document_counts_as_overdue_everywhere() {
        as("thuky.stp");
        Document external = register.create(stp, DocumentData.of("NN-" + UUID.randomUUID().toString().substring(0, 6),
                "Nghị định thử nghiệm", DocumentType.EXTERNAL, null));
        Document relying = inForce(Set.of(external.id()));
        int before = screensAgree();

        as("thuky.stp");
        register.changeExternalStatus(external.id(), register.get(external.id()).version(),
                ExternalStatus.REPLACED);

        assertThat(overdueInRegister()).contains(relying.code());
        assertThat(onWorkList(relying)).isTrue();
        assertThat(screensAgree()).isEqualTo(before + 1);
    }

    private Document inForce() {
        return inForce(Set.of());
    }

    private Document inForce(Set<DocumentId> references) {
        as("thuky.stp");
        String code = "QT-R" + UUID.randomUUID().toString().substring(0, 6);
        Document document = register.create(stp, new DocumentData(code, "Quy trình hạn xem xét",
                DocumentType.PROCEDURE, null, null, null, 12, null, null, null, null, null, references));
        Revision draft = workflow.startRevision(document.id(), "Ban hành lần đầu");
        draft = workflow.editDraft(draft.id(), draft.version(), "Nội dung", "Ban hành lần đầu");
        Revision submitted = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(submitted.id(), Accounts.DEMO_PASSWORD, null);
        workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());
        return register.get(document.id());
    }

    private List<String> overdueInRegister() {
        as("thuky.stp");
        DocumentFilter overdue = new DocumentFilter(stp, null, null, null, null, true);
        return register.list(overdue, DocumentSort.CODE, true, 0, 1000).stream().map(DocumentSummary::code).toList();
    }

    /** Whether the officer's work list shows the document as an overdue review. */
    private boolean onWorkList(Document document) {
        as("thuky.stp");
        return worklist.mine().stream().anyMatch(i -> i.kind() == WorkItem.Kind.DOCUMENT_REVIEW && i.overdue()
                && i.link().equals("document/" + document.id().value()));
    }

    /** The count of overdue reviews of the unit, once it is checked that the counting screens show the same. */
    private int screensAgree() {
        as("thuky.stp");
        int register = this.register.count(new DocumentFilter(stp, null, null, null, null, true));
        long reviewFigure = figures.count(stp, new ReviewId(-1), today().minusYears(1), today(), today(),
                clock.getZone()).get(ReviewInputKey.PROCESS_PERFORMANCE).get(1);
        as("sokhcn");
        int console = this.console.unit(stp).standing().overdue().documentReviews();

        assertThat(List.of(reviewFigure, (long) console)).as("review figures, console")
                .containsOnly((long) register);
        return register;
    }
}
