package vn.eiso.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RegisterStatus;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.UiTest;

/** The register's status filter offers every state a document can be in, and a submitted form shows as in review. */
class RegisterStatusViewTest extends UiTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;

    private List<DocumentSummary> rows(DocumentsView view) {
        return view.grid.getDataProvider().fetch(new Query<>(0, 1000, List.of(), null, null)).toList();
    }

    private List<String> statusLabels(DocumentsView view) {
        return view.status.getListDataView().getItems().map(s -> view.status.getItemLabelGenerator().apply(s))
                .toList();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_officer_filters_the_register_on_in_review_and_a_submitted_form_is_no_longer_a_draft() {
        String code = "BM-R" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        as("thuky.stp", () -> {
            EisoPrincipal officer = (EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
            Document d = register.create(unit("STP"), DocumentData.of(code, "Biểu mẫu chờ xem xét",
                    DocumentType.FORM, officer.userId()));
            Revision r = workflow.startRevision(d.id(), "Lần đầu");
            r = workflow.editDraft(r.id(), r.version(), "Mẫu phiếu", "Lần đầu");
            return workflow.submit(r.id(), r.version());
        });
        DocumentsView view = navigate(DocumentsView.class);
        assertThat(statusLabels(view)).containsExactly("Dự thảo", "Đang xem xét", "Đã phê duyệt, chưa có hiệu lực",
                "Đã nhập, chờ thủ trưởng xác nhận", "Có hiệu lực", "Hết hiệu lực");

        test(view.search).setValue(code);
        assertThat(rows(view)).singleElement().extracting(DocumentSummary::registerStatus)
                .isEqualTo(RegisterStatus.IN_REVIEW);
        test(view.status).selectItem("Dự thảo");
        assertThat(rows(view)).isEmpty();
        test(view.status).selectItem("Đang xem xét");
        assertThat(rows(view)).extracting(DocumentSummary::code).containsExactly(code);
        assertThat(view.grid.getDataProvider().size(new Query<>())).isEqualTo(1);
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_filter_only_on_what_is_or_was_in_force() {
        DocumentsView view = navigate(DocumentsView.class);
        assertThat(statusLabels(view)).containsExactly("Có hiệu lực", "Hết hiệu lực");
        assertThat(rows(view)).allSatisfy(d -> assertThat(d.pendingStatus()).isNull());
    }
}
