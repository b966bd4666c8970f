package vn.eiso.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.provider.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.document.Records;
import vn.eiso.document.DocumentStatus;
import vn.eiso.signature.TestPki;
import vn.eiso.document.FiledRecord;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.DiffRow;
import vn.eiso.base.ui.DiffDialog;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionStatus;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

class DocumentViewsTest extends UiTest {

    @Autowired
    Records records;

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    TthcCatalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;

    private UnitId stp() {
        return unit("STP");
    }

    private List<DocumentSummary> rows(DocumentsView view) {
        return view.grid.getDataProvider().fetch(new Query<>(0, 1000, List.of(), null, null)).toList();
    }


    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_the_documents_in_force_but_no_drafts_and_no_add_button() {
        DocumentsView view = navigate(DocumentsView.class);

        assertThat(rows(view)).extracting(DocumentSummary::code).contains("QT-01", "QT-06").doesNotContain("QT-05");
        assertThat(find(Button.class).withText("Thêm tài liệu").exists()).isFalse();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_register_filters_ignore_diacritics_and_by_type() {
        DocumentsView view = navigate(DocumentsView.class);
        test(view.search).setValue("kiem soat tai lieu");
        assertThat(rows(view)).extracting(DocumentSummary::code).containsExactly("QT-01");

        test(view.search).setValue("");
        test(view.type).selectItem("Tài liệu bên ngoài");
        assertThat(rows(view)).extracting(DocumentSummary::type).containsOnly(DocumentType.EXTERNAL).isNotEmpty();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_adds_a_document_through_the_dialog() {
        navigate(DocumentsView.class);
        String code = "QT-U" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        test(find(Button.class).withText("Thêm tài liệu").single()).click();
        DocumentDialog dialog = find(DocumentDialog.class).single();
        test(dialog.type).selectItem("Quy trình");
        assertThat(dialog.code.getValue()).isEqualTo("QT-");
        test(dialog.code).setValue(code);
        test(dialog.title).setValue("Quy trình thôi quốc tịch");
        // The TTHC come from the catalogue, the unit's own first, found by a name typed without diacritics.
        Set<Long> handled = catalogue.handledBy(stp());
        List<String> own = catalogue.entries().stream().filter(t -> handled.contains(t.id())).map(Tthc::code)
                .sorted().toList();
        assertThat(test(dialog.tthc).getSuggestions()).startsWith(own.toArray(String[]::new))
                .hasSizeGreaterThan(own.size());
        test(dialog.tthc).setFilter("thoi quoc tich");
        assertThat(test(dialog.tthc).getSuggestions()).containsExactly("1.001555");
        test(dialog.tthc).selectItem("1.001555");
        test(dialog.save).click();

        assertThat(getCurrentView()).isInstanceOf(DocumentView.class);
        DocumentSummary added = register.list(DocumentFilter.of(stp()), DocumentSort.CODE, true, 0, 1000).stream()
                .filter(d -> d.code().equals(code)).findFirst().orElseThrow();
        assertThat(register.get(added.id()).tthcCodes()).isEqualTo("1.001555");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_code_from_before_the_catalogue_is_marked_in_the_dialog_until_the_officer_removes_it() {
        String code = "QT-C" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Document entry = register.create(stp(), new DocumentData(code, "Quy trình cấp Phiếu lý lịch tư pháp",
                DocumentType.PROCEDURE, null, "1.001233", "8.5", 12, null, null, null, null, null, Set.of()));
        // Registered before the catalogue existed, with a code it does not have.
        jdbc.update("update document set tthc_codes = '1.001233, 1.000775' where id = ?", entry.id().value());
        navigate(DocumentView.class, entry.id().value());
        test(find(Button.class).withText("Sửa").single()).click();
        DocumentDialog dialog = find(DocumentDialog.class).single();
        assertThat(dialog.tthc.getValue()).containsExactly("1.001233", "1.000775");
        assertThat(dialog.tthc.getItemLabelGenerator().apply("1.000775")).isEqualTo("⚠ 1.000775");
        assertThat(dialog.tthc.getHelperText()).startsWith("⚠ 1.000775: không có trong danh mục TTHC");

        dialog.tthc.deselect("1.000775");
        test(dialog.save).click();
        assertThat(register.get(entry.id()).tthcCodes()).isEqualTo("1.001233");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_code_already_used_is_refused_on_the_code_field_and_the_dialog_keeps_what_was_typed() {
        navigate(DocumentsView.class);
        test(find(Button.class).withText("Thêm tài liệu").single()).click();
        DocumentDialog dialog = find(DocumentDialog.class).single();
        test(dialog.type).selectItem("Quy trình");
        test(dialog.code).setValue("QT-01");
        test(dialog.title).setValue("Quy trình trùng mã");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Mã tài liệu „QT-01“ đã có trong đơn vị");
        assertThat(dialog.title.getValue()).isEqualTo("Quy trình trùng mã");
        assertThat(notifications()).doesNotContain("Mã tài liệu „QT-01“ đã có trong đơn vị");
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_unit_head_reviews_and_approves_in_the_draft_tab_with_the_password() {
        String code = "QT-V" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Revision submitted = as("thuky.stp", () -> {
            EisoPrincipal officer = (EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
            Document d = register.create(stp(), DocumentData.of(code, "Quy trình chờ duyệt", DocumentType.PROCEDURE,
                    officer.userId()));
            Revision r = workflow.startRevision(d.id(), "Lần đầu");
            r = workflow.editDraft(r.id(), r.version(), "Nội dung chờ duyệt", "Lần đầu");
            return workflow.submit(r.id(), r.version());
        });
        CurrentUnit.set(stp());
        DocumentView view = navigate(DocumentView.class, submitted.documentId().value());
        find(TabSheet.class).single().setSelectedIndex(1);

        test(find(Button.class).withText("Xem xét").single()).click();
        SignDialog review = find(SignDialog.class).single();
        test(review.password).setValue("sai");
        test(review.sign).click();
        assertThat(review.password.getErrorMessage()).isEqualTo("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        assertThat(review.password.isInvalid()).isTrue();
        assertThat(review.isOpened()).isTrue();
        test(review.password).setValue(Accounts.DEMO_PASSWORD);
        test(review.sign).click();
        assertThat(review.isOpened()).isFalse();

        find(TabSheet.class).single().setSelectedIndex(1);
        test(find(Button.class).withText("Phê duyệt").single()).click();
        SignDialog approval = find(SignDialog.class).last();
        test(approval.password).setValue(Accounts.DEMO_PASSWORD);
        test(approval.sign).click();

        assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
        assertThat(view.getPageTitle()).startsWith(code);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void two_revisions_are_compared_side_by_side_from_the_history() {
        DocumentSummary control = register.list(DocumentFilter.of(stp()),
                DocumentSort.CODE, true, 0, 1000).stream().filter(d -> d.code().equals("QT-01"))
                .findFirst().orElseThrow();
        CurrentUnit.set(stp());
        DocumentView view = navigate(DocumentView.class, control.id().value());
        find(TabSheet.class).single().setSelectedIndex(2);
        view.history.asMultiSelect().setValue(Set.copyOf(workflow.history(control.id())));
        test(find(Button.class).withText("So sánh hai lần").single()).click();

        DiffDialog diff = find(DiffDialog.class).single();
        List<DiffRow> rows = diff.rows.getGenericDataView().getItems().toList();
        assertThat(rows).anyMatch(r -> r.kind() == DiffRow.Kind.ADDED && r.right().contains("Bước 5"));
        assertThat(diff.summary.getText()).matches("\\d+ dòng khác nhau");
    }
    @Test
    @WithUserDetails("congchuc.stp")
    void a_signed_pdf_shows_its_verdict_and_signer_and_the_details_in_its_tooltip() {
        DocumentSummary policy = register.list(DocumentFilter.of(stp()), DocumentSort.CODE, true, 0, 1000).stream()
                .filter(d -> d.code().equals("CS-01")).findFirst().orElseThrow();
        CurrentUnit.set(stp());
        navigate(DocumentView.class, policy.id().value());

        var badge = find(com.vaadin.flow.component.html.Span.class)
                .withText("Chữ ký số hợp lệ · Trần Văn Hùng").single();
        assertThat(badge.getElement().getThemeList()).contains("badge", "success");
        assertThat(badge.getTitle()).hasValueSatisfying(t -> assertThat(t)
                .contains("tổ chức Sở Tư pháp tỉnh Hòa An").contains("bao phủ toàn bộ tệp (bản 2/2)")
                .contains("chưa đối chiếu thu hồi"));
    }

    private Revision qt06InForce() {
        DocumentSummary procedure = register.list(DocumentFilter.of(stp()), DocumentSort.CODE, true, 0, 1000).stream()
                .filter(d -> d.code().equals("QT-06")).findFirst().orElseThrow();
        return workflow.get(register.get(procedure.id()).effectiveRevisionId());
    }

    private List<String> hashesShown() {
        return find(com.vaadin.flow.component.html.Span.class).withClassName("sha").all().stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_reading_a_procedure_are_not_shown_its_content_hash() {
        Revision current = qt06InForce();
        assertThat(current.contentSha256()).isNotNull();

        navigate(RevisionView.class, current.id().value());
        assertThat(hashesShown()).isEmpty();
        CurrentUnit.set(stp());
        navigate(DocumentView.class, current.documentId().value());
        assertThat(hashesShown()).isEmpty();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_sees_the_content_hash_the_sign_offs_were_given_on() {
        Revision current = qt06InForce();

        navigate(RevisionView.class, current.id().value());
        assertThat(hashesShown()).containsExactly("SHA-256 " + current.contentSha256().substring(0, 16) + "…");
        CurrentUnit.set(stp());
        navigate(DocumentView.class, current.documentId().value());
        assertThat(hashesShown()).containsExactly("SHA-256 " + current.contentSha256().substring(0, 16) + "…");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_signed_pdf_filed_as_a_record_shows_its_signer_in_the_register_and_the_record() {
        DocumentSummary template = register.list(new DocumentFilter(stp(), null, DocumentType.RECORD_TEMPLATE,
                DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
        FiledRecord filed = records.file(template.id(), "Biên bản có ký số " + UUID.randomUUID(), null,
                Map.of("bien-ban.pdf", TestPki.signed(TestPki.pdf("Bien ban"), TestPki.DIRECTOR)));

        navigate("records/" + filed.id().value(), RecordsView.class);
        // The tests' CA is not in the trust store: the badge says so, and still names the signer.
        assertThat(find(com.vaadin.flow.component.html.Span.class)
                .withText("Chứng thư số chưa được tin cậy · Trần Văn Hùng").all()).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    @WithUserDetails("sokhcn")
    void a_search_hit_opens_the_record_itself_even_of_a_unit_the_reader_does_not_work_in() {
        FiledRecord filed = records.list(unit("STP"), 0, 100).stream()
                .filter(r -> r.title().equals("Đề nghị sửa đổi QT-06 về thời hạn trả kết quả")).findFirst()
                .orElseThrow();
        RecordsView view = navigate("records/" + filed.id().value(), RecordsView.class);
        assertThat(view.shown).isEqualTo(filed);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).all())
                .anyMatch(a -> a.getText().equals("de-nghi-sua-doi-QT-06.txt"));
    }
}
