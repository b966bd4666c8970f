package vn.eiso.announcement.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Decision;
import vn.eiso.announcement.PublicAnnouncement;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.search.IndexedInTransaction;
import vn.eiso.support.Accounts;
import vn.eiso.support.DemoSteps;
import vn.eiso.support.UiTest;

/** The announcement screens as the head, the quality officer and an anonymous citizen use them. Rolled back. */
@Transactional
class AnnouncementViewsTest extends UiTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Announcements announcements;

    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationContext context;

    private IndexedInTransaction indexed;

    @BeforeEach
    void startFromTheDemo() {
        DemoSteps.forgetOtherTestsMajorNonconformities(dsl, unit("STP"));
        indexed = new IndexedInTransaction(context);
    }

    @AfterTransaction
    void putTheIndexBack() {
        indexed.forget();
    }

    private void approveRiskProcedure() {
        as("admin", () -> {
            DemoSteps.approveRiskProcedure(register, workflow, unit("STP"), u -> Accounts.signIn(userDetails, u));
            return null;
        });
    }

    private Div condition(AnnouncementView view, String key) {
        return find(Div.class, view.conditions).all().stream()
                .filter(d -> key.equals(d.getElement().getAttribute("data-key"))).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_head_sees_what_is_missing_then_issues_the_decision_once_ready_and_a_reused_number_is_refused() {
        CurrentUnit.set(unit("STP"));
        AnnouncementView view = navigate(AnnouncementView.class);
        Div mandatory = condition(view, "MANDATORY_PROCEDURES");
        assertThat(mandatory.hasClassName("unmet")).isTrue();
        assertThat(mandatory.getElement().getTextRecursively()).contains("6.1 · ")
                .contains("Khắc phục");
        assertThat(condition(view, "INTERNAL_AUDIT").getElement().getTextRecursively()).startsWith("Đạt");
        assertThat(view.announceButton.isEnabled()).isFalse();

        approveRiskProcedure();
        view.refresh();
        assertThat(condition(view, "MANDATORY_PROCEDURES").hasClassName("met")).isTrue();
        assertThat(view.announceButton.isEnabled()).isTrue();

        test(view.announceButton).click();
        AnnounceDialog dialog = find(AnnounceDialog.class).single();
        assertThat(dialog.signerName.getValue()).isEqualTo("Trần Văn Hùng");
        test(dialog.number).setValue("15/QĐ-STP");
        test(dialog.issue).click();
        assertThat(notifications()).contains("Đã ban hành quyết định công bố và thông báo cho Sở KH&CN");
        assertThat(view.history.getListDataView().getItems()).singleElement()
                .extracting(Announcement::status).isEqualTo(AnnouncementStatus.ANNOUNCED);

        assertThat(view.sheet.getSelectedIndex()).isEqualTo(2);
        view.sheet.setSelectedIndex(0);
        test(view.announceButton).click();
        AnnounceDialog again = find(AnnounceDialog.class).single();
        // The preview with no number says so on the number field (it used to fail inside the download).
        test(again.preview).click();
        assertThat(again.number.isInvalid()).isTrue();
        assertThat(again.number.getErrorMessage()).isNotBlank();
        test(again.number).setValue("15/QĐ-STP");
        test(again.issue).click();
        assertThat(again.number.isInvalid()).isTrue();
        assertThat(again.number.getErrorMessage()).isEqualTo("Số quyết định 15/QĐ-STP đã được đơn vị sử dụng");
        assertThat(again.isOpened()).isTrue();
        assertThat(view.history.getListDataView().getItems()).hasSize(1);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_keeps_the_scope_but_cannot_issue() {
        CurrentUnit.set(unit("STP"));
        AnnouncementView view = navigate(AnnouncementView.class);
        assertThat(view.announceButton).isNull();
        int before = (int) view.scopeGrid.getListDataView().getItems().count();
        assertThat(before).isEqualTo(2);

        view.openItem();
        test(find(TextField.class).id("scope-code")).setValue("1.000001");
        test(find(Button.class).withText("Lưu").last()).click();
        assertThat(notifications()).contains("Mã „1.000001“ không có trong danh mục TTHC của tỉnh");
        test(find(TextField.class).id("scope-code")).setValue("1.001111");
        test(find(Button.class).withText("Lưu").last()).click();
        assertThat(view.scopeGrid.getListDataView().getItems()).hasSize(before + 1);
        // Named as the catalogue names it, and mapped to no procedure: the scope condition now names it.
        assertThat(condition(view, "SCOPE").getElement().getTextRecursively())
                .contains("1.001111 · Thành lập Văn phòng công chứng");
    }

    @Test
    void an_anonymous_visitor_reads_the_public_register() {
        approveRiskProcedure();
        Announcement announced = as("lanhdao.stp", () -> announcements.announce(unit("STP"),
                new Decision("15/QĐ-STP", LocalDate.now(clock), "Trần Văn Hùng", "Giám đốc")));
        // The search box asks the search index, which sees this rolled-back transaction's decision only this way.
        indexed.apply();
        Accounts.signOut();
        PublicRegisterView view = navigate(PublicRegisterView.class);
        assertThat(view.shown).singleElement().satisfies(a -> {
            assertThat(a.unitName()).isEqualTo("Sở Tư pháp");
            assertThat(a.scopeText()).contains("1.001233");
        });
        assertThat(find(H2.class, view.list).all()).extracting(H2::getText).containsExactly("Sở Tư pháp");
        test(view.filter).setValue("xa Tan Phu");
        assertThat(view.shown).isEmpty();
        test(view.filter).setValue("ly lich tu phap");
        assertThat(view.shown).extracting(PublicAnnouncement::number)
                .containsExactly("15/QĐ-STP");
        // The decision's number as written, and nothing of the unit's own: its procedures are not public.
        test(view.filter).setValue("15/QĐ-STP");
        assertThat(view.shown).extracting(PublicAnnouncement::id).containsExactly(announced.id());
        test(view.filter).setValue("kiem soat tai lieu");
        assertThat(view.shown).isEmpty();
        assertThat(find(H2.class, view.list).all()).isEmpty();
        test(view.filter).setValue("QT-06");
        assertThat(view.shown).isEmpty();
        test(view.filter).setValue("");
        assertThat(view.shown).hasSize(1);
    }

    @Test
    void a_search_hit_opens_the_decision_on_the_public_register() {
        approveRiskProcedure();
        Announcement announced = as("lanhdao.stp", () -> announcements.announce(unit("STP"),
                new Decision("16/QĐ-STP", LocalDate.now(clock), "Trần Văn Hùng", "Giám đốc")));
        Accounts.signOut();
        PublicRegisterView view = navigate("cong-bo/" + announced.id(), PublicRegisterView.class);
        assertThat(view.shown).extracting(PublicAnnouncement::number).containsExactly("16/QĐ-STP");
    }
}
