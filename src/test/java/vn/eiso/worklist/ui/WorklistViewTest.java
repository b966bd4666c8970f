package vn.eiso.worklist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.UiTest;
import vn.eiso.worklist.WorkItem;

/** The commune's quality officer opens their work and narrows it to what is overdue. */
class WorklistViewTest extends UiTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;

    @Test
    @WithUserDetails("thuky.xa")
    void the_worklist_narrows_to_overdue_work() {
        // The head submits a procedure: the officer has a review to do, which is not overdue.
        Revision submitted = as("lanhdao.xa", () -> {
            Document document = register.create(unit("X-TANPHU"), DocumentData.of(
                    "QT-W" + UUID.randomUUID().toString().substring(0, 6), "Quy trình chờ xem xét",
                    DocumentType.PROCEDURE, null));
            Revision draft = workflow.startRevision(document.id(), "Ban hành");
            draft = workflow.editDraft(draft.id(), draft.version(), "Nội dung", "Ban hành");
            return workflow.submit(draft.id(), draft.version());
        });
        WorklistView view = navigate(WorklistView.class);
        assertThat(view.grid.getListDataView().getItems()).anyMatch(i -> i.kind() == WorkItem.Kind.REVISION_REVIEW
                && !i.overdue() && i.link().equals("revision/" + submitted.id().value()));

        test(view.overdueOnly).click();
        assertThat(view.grid.getListDataView().getItems()).isNotEmpty().allMatch(WorkItem::overdue)
                .anyMatch(i -> i.kind() == WorkItem.Kind.ANNUAL_REPORT && i.link().equals("annual-reports"))
                .noneMatch(i -> i.kind() == WorkItem.Kind.REVISION_REVIEW);
    }
}
