package vn.eiso.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.audit.AuditSummary;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audit.ReviewAction;
import vn.eiso.audittrail.AuditEntry;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.base.ui.Messages;
import vn.eiso.organisation.UnitType;
import vn.eiso.support.UiTest;

class DashboardViewTest extends UiTest {

    @Autowired
    Audits audits;
    @Autowired
    AuditTrail trail;
    @Autowired
    ManagementReviews reviews;
    @Autowired
    vn.eiso.document.DocumentRegister register;
    @Autowired
    vn.eiso.document.RevisionWorkflow workflow;

    private List<String> cardTitles() {
        return find(H3.class).all().stream().map(H3::getText).toList();
    }

    private String cardText(String title) {
        return find(Div.class).withClassName("card").all().stream()
                .filter(card -> card.getChildren().anyMatch(c -> c instanceof H3 h && h.getText().equals(title)))
                .findFirst().orElseThrow().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_sees_the_province_figures_from_the_data() {
        navigate(DashboardView.class);
        long communes = SystemAuthentication.runAsSystem(() -> units.all().stream()
                .filter(u -> u.isActive() && u.type() == UnitType.COMMUNE).count());

        assertThat(cardTitles()).contains("Đơn vị toàn tỉnh").doesNotContain("Quản trị", "Thành viên của đơn vị");
        assertThat(cardText("Đơn vị toàn tỉnh")).contains(communes + "Xã, phường");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_sees_the_unit_and_its_members() {
        navigate(DashboardView.class);

        assertThat(cardTitles()).contains("Đơn vị đang làm việc", "Thành viên của đơn vị")
                .doesNotContain("Đơn vị toàn tỉnh", "Quản trị");
        assertThat(cardText("Đơn vị đang làm việc")).contains("Sở Tư pháp", "Thư ký ISO");
        assertThat(cardText("Thành viên của đơn vị")).contains("Trần Văn Hùng", "Hoàng Minh Tuấn");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_sees_upcoming_audits_open_findings_and_review_actions_from_the_data() {
        navigate(DashboardView.class);
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        List<AuditSummary> attention = audits.needingAttention(stp);
        List<ReviewAction> actions = reviews.openActions(stp);

        assertThat(attention).isNotEmpty();
        assertThat(cardText("Đánh giá nội bộ")).contains(attention.getFirst().title())
                .contains("Sự không phù hợp từ đánh giá đang mở: " + audits.openFindings(stp));
        assertThat(actions).isNotEmpty();
        assertThat(cardText("Việc sau xem xét của lãnh đạo")).contains(actions.getFirst().description());
    }

    @Test
    @WithUserDetails("danhgia")
    void an_auditor_from_another_unit_finds_the_audits_they_are_on() {
        navigate(DashboardView.class);
        assertThat(cardText("Cuộc đánh giá tôi tham gia")).contains("Sở Tư pháp", "Đánh giá nội bộ đợt 2");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_their_unit_and_role_only() {
        navigate(DashboardView.class);

        assertThat(cardTitles()).startsWith("Đơn vị đang làm việc", "Tài liệu cần đọc").doesNotContain(
                "Đánh giá nội bộ", "Thành viên của đơn vị", "Đơn vị toàn tỉnh", "Quản trị",
                "Hành động khắc phục quá hạn của đơn vị");
        assertThat(cardText("Đơn vị đang làm việc")).contains("Sở Tư pháp", "Công chức");
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_recent_activity() {
        navigate(DashboardView.class);
        assertThat(cardTitles()).contains("Quản trị", "Hoạt động gần đây");
        AuditEntry latest = trail.find(AuditFilter.NONE, 0, 1).getFirst();
        assertThat(cardText("Quản trị")).contains(latest.actor() + " · "
                + new Messages().getTranslation("action." + latest.action(), Messages.VIETNAMESE));
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_head_finds_a_submitted_revision_waiting_for_him_on_the_dashboard() {
        String code = "BM-D" + java.util.UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        as("thuky.stp", () -> {
            var officer = (vn.eiso.base.security.EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
            var d = register.create(unit("STP"), vn.eiso.document.DocumentData.of(code, "Biểu mẫu trình duyệt",
                    vn.eiso.document.DocumentType.FORM, officer.userId()));
            var r = workflow.startRevision(d.id(), "Lần đầu");
            r = workflow.editDraft(r.id(), r.version(), "Mẫu phiếu", "Lần đầu");
            return workflow.submit(r.id(), r.version());
        });
        // The test's UI opened on the dashboard before the submission: build it again, as a new visit would.
        navigate(DashboardView.class);
        com.vaadin.flow.component.UI.getCurrent().refreshCurrentRoute(false);

        assertThat(cardTitles()).contains("Chờ anh/chị xử lý");
        assertThat(cardText("Chờ anh/chị xử lý")).contains("Xem xét bản sửa đổi · " + code + " · 1");
        assertThat(cardText("Thông báo mới")).contains(code + " lần 1 (Biểu mẫu trình duyệt) đã được trình");
    }
    @Test
    @WithUserDetails("congchuc.stp")
    @org.springframework.transaction.annotation.Transactional
    void the_reading_card_names_how_many_revisions_wait_and_links_to_my_work_beyond_eight() {
        var clerk = (vn.eiso.base.security.EisoPrincipal) userDetails.loadUserByUsername("congchuc.stp");
        String prefix = "BM-R" + java.util.UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        for (int i = 1; i <= 9; i++) {
            String code = prefix + "-" + i;
            var submitted = as("thuky.stp", () -> {
                var officer = (vn.eiso.base.security.EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
                var d = register.create(unit("STP"), vn.eiso.document.DocumentData.of(code, "Biểu mẫu cần đọc",
                        vn.eiso.document.DocumentType.FORM, officer.userId()));
                var r = workflow.startRevision(d.id(), "Lần đầu");
                r = workflow.editDraft(r.id(), r.version(), "Mẫu phiếu", "Lần đầu");
                return workflow.submit(r.id(), r.version());
            });
            as("lanhdao.stp", () -> {
                workflow.review(submitted.id(), vn.eiso.support.Accounts.DEMO_PASSWORD, "Phù hợp.");
                return workflow.approve(submitted.id(), workflow.get(submitted.id()).version(),
                        vn.eiso.support.Accounts.DEMO_PASSWORD, null, java.util.Set.of(clerk.userId()));
            });
        }
        int waiting = workflow.myPendingReadings().size();
        assertThat(waiting).isGreaterThan(8);

        // The test's UI opened on the dashboard before the revisions took effect: build it again, as a visit would.
        navigate(DashboardView.class);
        com.vaadin.flow.component.UI.getCurrent().refreshCurrentRoute(false);

        String card = cardText("Tài liệu cần đọc");
        assertThat(card).contains("Xem cả " + waiting + " tài liệu cần đọc trong Việc của tôi");
        long listed = find(Div.class).withClassName("card").all().stream()
                .filter(c -> c.getElement().getTextRecursively().startsWith("Tài liệu cần đọc"))
                .flatMap(c -> c.getElement().getChildren())
                .filter(e -> e.getTag().equals("ul")).flatMap(ul -> ul.getChildren()).count();
        assertThat(listed).isEqualTo(8);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withClassName("reading-more").single()
                .getHref()).isEqualTo("my-work");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_short_reading_list_needs_no_more_link() {
        org.junit.jupiter.api.Assumptions.assumeTrue(workflow.myPendingReadings().size() <= 8);
        navigate(DashboardView.class);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withClassName("reading-more").all()).isEmpty();
    }
}
