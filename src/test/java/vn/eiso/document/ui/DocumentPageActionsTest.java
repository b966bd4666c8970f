package vn.eiso.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.ItemDoubleClickEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.document.Acknowledgement;
import vn.eiso.document.ChangeRequests;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionStatus;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

/** The document page offers only what the caller may do now, says what comes next, and lands where the work is. */
class DocumentPageActionsTest extends UiTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    ChangeRequests changeRequests;
    @Autowired
    Clock clock;

    private UnitId stp() {
        return unit("STP");
    }

    /** A new procedure written and submitted by the quality officer (Lê Thị Mai). */
    private Revision submittedByOfficer() {
        String code = "QT-P" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        return as("thuky.stp", () -> {
            EisoPrincipal officer = (EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
            Document d = register.create(stp(), DocumentData.of(code, "Quy trình thử trang", DocumentType.PROCEDURE,
                    officer.userId()));
            Revision r = workflow.startRevision(d.id(), "Lần đầu");
            r = workflow.editDraft(r.id(), r.version(), "Bước 1\nBước 2", "Lần đầu");
            return workflow.submit(r.id(), r.version());
        });
    }

    private Revision issued() {
        Revision r = submittedByOfficer();
        return as("lanhdao.stp", () -> {
            workflow.review(r.id(), Accounts.DEMO_PASSWORD, null);
            return workflow.approve(r.id(), workflow.get(r.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());
        });
    }

    private boolean shown(String text) {
        return find(Button.class).withText(text).exists();
    }

    private DocumentView open(Revision r) {
        CurrentUnit.set(stp());
        return navigate(DocumentView.class, r.documentId().value());
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_document_of_external_origin_opens_and_says_it_is_followed_not_reviewed() {
        Document decree = as("thuky.stp", () -> register.create(stp(), new DocumentData(
                "ND-" + UUID.randomUUID().toString().substring(0, 5), "Nghị định về lý lịch tư pháp",
                DocumentType.EXTERNAL, null, null, null, 12, null, "Chính phủ", "111/2010/NĐ-CP",
                java.time.LocalDate.of(2010, 12, 23), null, Set.of())));
        CurrentUnit.set(stp());
        DocumentView view = navigate(DocumentView.class, decree.id().value());

        assertThat(view.statusText()).startsWith("Tài liệu có nguồn gốc bên ngoài đang có hiệu lực");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_author_sees_no_sign_off_actions_on_her_own_submission_and_the_status_line_names_the_reviewer() {
        DocumentView view = open(submittedByOfficer());

        assertThat(shown("Xem xét")).isFalse();
        assertThat(shown("Phê duyệt")).isFalse();
        assertThat(shown("Trả lại")).isFalse();
        assertThat(view.statusText())
                .isEqualTo("Chờ xem xét — bởi thư ký ISO hoặc lãnh đạo đơn vị khác tác giả: Trần Văn Hùng");
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_head_reviews_first_with_approval_disabled_and_explained_then_approves_and_lands_on_the_revision_in_force() {
        Revision submitted = submittedByOfficer();
        DocumentView view = open(submitted);
        assertThat(view.selectedTab()).isEqualTo("draft");

        Button review = find(Button.class).withId("review-button").single();
        Button approve = find(Button.class).withId("approve-button").single();
        assertThat(review.getThemeNames()).contains("primary");
        assertThat(approve.isEnabled()).isFalse();
        assertThat(approve.getTooltip().getText()).contains("cần bước xem xét trước khi phê duyệt");
        assertThat(shown("Trả lại")).isTrue();

        test(review).click();
        SignDialog dialog = find(SignDialog.class).single();
        test(dialog.password).setValue(Accounts.DEMO_PASSWORD);
        test(dialog.sign).click();
        assertThat(view.statusText()).isEqualTo("Chờ phê duyệt — Trần Văn Hùng");
        assertThat(shown("Xem xét")).isFalse();

        Button approveNow = find(Button.class).withId("approve-button").single();
        assertThat(approveNow.isEnabled()).isTrue();
        assertThat(approveNow.getThemeNames()).contains("primary");
        test(approveNow).click();
        SignDialog approval = find(SignDialog.class).last();
        test(approval.password).setValue(Accounts.DEMO_PASSWORD);
        test(approval.sign).click();

        assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
        assertThat(notifications()).contains("Đã phê duyệt, có hiệu lực từ " + Formats.date(LocalDate.now(clock)));
        assertThat(view.selectedTab()).isEqualTo("current");
        assertThat(view.statusText()).startsWith("Lần 1 có hiệu lực từ");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_the_revision_in_force_without_any_editing_or_sign_off_action() {
        Revision effective = issued();
        open(effective);

        assertThat(find(TabSheet.class).single().getTabCount()).isEqualTo(3);
        for (String action : List.of("Sửa", "Xem xét", "Phê duyệt", "Trả lại", "Thu hồi tài liệu",
                "Soạn lần ban hành mới", "Xác nhận đã rà soát, còn phù hợp")) {
            assertThat(shown(action)).as(action).isFalse();
        }
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_may_not_withdraw_so_the_red_action_is_not_offered_to_her() {
        open(issued());

        assertThat(find(Button.class).withId("document-withdraw").exists()).isFalse();
        assertThat(shown("Soạn lần ban hành mới")).isTrue();
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_red_actions_sit_apart_at_the_end_of_the_action_bar() {
        open(issued());

        Button withdraw = find(Button.class).withId("document-withdraw").single();
        assertThat(withdraw.getParent().orElseThrow().getClassNames()).contains("record-actions-end");
        assertThat(withdraw.getThemeNames()).contains("error");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_new_document_lands_on_its_draft_tab_and_an_empty_summary_is_marked_on_its_field() {
        String code = "QT-N" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        EisoPrincipal officer = (EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
        Document d = register.create(stp(), DocumentData.of(code, "Quy trình mới", DocumentType.PROCEDURE,
                officer.userId()));
        CurrentUnit.set(stp());
        DocumentView view = navigate(DocumentView.class, d.id().value());

        assertThat(view.selectedTab()).isEqualTo("draft");
        assertThat(view.statusText()).startsWith("Chưa có lần ban hành nào");
        test(find(Button.class).withId("draft-start").single()).click();
        assertThat(view.selectedTab()).isEqualTo("draft");
        roundTrip();

        test(view.draftText).setValue("Nội dung");
        test(find(Button.class).withId("draft-submit").single()).click();
        assertThat(view.draftSummary.isInvalid()).isTrue();
        assertThat(view.draftSummary.getErrorMessage()).isEqualTo("Vui lòng nêu nội dung sửa đổi (sửa gì, vì sao)");
        assertThat(view.draftText.getValue()).isEqualTo("Nội dung");
        assertThat(notifications()).doesNotContain("Vui lòng nêu nội dung sửa đổi (sửa gì, vì sao)");
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void only_a_wrong_password_marks_the_password_field_and_other_refusals_show_on_their_own_field() {
        Revision submitted = submittedByOfficer();
        workflow.review(submitted.id(), Accounts.DEMO_PASSWORD, null);
        open(submitted);

        test(find(Button.class).withId("approve-button").single()).click();
        SignDialog dialog = find(SignDialog.class).single();
        test(dialog.password).setValue(Accounts.DEMO_PASSWORD);
        test(dialog.effectiveOn).setValue(LocalDate.now(clock).minusDays(3));
        test(dialog.sign).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.password.isInvalid()).isFalse();
        assertThat(dialog.password.getValue()).isEqualTo(Accounts.DEMO_PASSWORD);
        assertThat(dialog.effectiveOn.isInvalid()).isTrue();
        assertThat(dialog.effectiveOn.getErrorMessage()).isEqualTo("Ngày hiệu lực không được ở quá khứ");

        test(dialog.effectiveOn).setValue(LocalDate.now(clock));
        test(dialog.password).setValue("sai");
        test(dialog.sign).click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        assertThat(dialog.effectiveOn.isInvalid()).isFalse();
        assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.IN_REVIEW);
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void the_reader_confirms_after_the_content_and_then_sees_when_she_confirmed() {
        Revision effective = issued();
        open(effective);

        Button ack = find(Button.class).withId("acknowledge-button").single();
        RevisionContent content = find(RevisionContent.class).single();
        var tab = content.getParent().orElseThrow();
        int contentAt = tab.getElement().indexOfChild(content.getElement());
        int confirmAt = tab.getElement().indexOfChild(ack.getParent().orElseThrow().getElement());
        assertThat(confirmAt).isGreaterThan(contentAt);

        test(ack).click();
        assertThat(find(Button.class).withId("acknowledge-button").exists()).isFalse();
        assertThat(find(Span.class).withId("acknowledged-at").single().getText())
                .startsWith("Bạn đã xác nhận đã đọc và hiểu lần ban hành này lúc ");
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_author_and_the_approver_are_not_asked_to_confirm_reading_their_own_revision() {
        Revision effective = issued();

        assertThat(workflow.acknowledgements(effective.id())).extracting(Acknowledgement::userName)
                .contains("Hoàng Minh Tuấn").doesNotContain("Lê Thị Mai", "Trần Văn Hùng");
        open(effective);
        assertThat(find(Button.class).withId("acknowledge-button").exists()).isFalse();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void re_rendering_adds_no_second_double_click_listener_to_the_history() {
        DocumentView view = open(issued());
        view.render();
        view.render();

        assertThat(ComponentUtil.getListeners(view.history, ItemDoubleClickEvent.class)).hasSize(1);
        AtomicInteger navigations = new AtomicInteger();
        UI.getCurrent().addAfterNavigationListener(e -> navigations.incrementAndGet());
        view.selectTab("history");
        roundTrip();
        test(view.history).doubleClickRow(0);
        assertThat(navigations).hasValue(1);
        assertThat(getCurrentView()).isInstanceOf(RevisionView.class);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_tab_shows_what_is_true_when_the_user_opens_it_not_when_the_page_was_opened() {
        Revision effective = issued();
        DocumentView view = open(effective);
        assertThat(view.selectedTab()).isEqualTo("current");
        as("congchuc.stp", () -> changeRequests.request(effective.documentId(), "Bổ sung mẫu đơn điện tử"));

        view.selectTab("requests");
        roundTrip();

        var requests = test(find(Grid.class).withId("change-requests").single());
        assertThat(requests.size()).isEqualTo(1);
        assertThat(requests.getCellText(0, 2)).isEqualTo("Bổ sung mẫu đơn điện tử");
        view.selectTab("current");
        view.selectTab("requests");
        assertThat(find(Grid.class).withId("change-requests").all()).hasSize(1);
    }
}
