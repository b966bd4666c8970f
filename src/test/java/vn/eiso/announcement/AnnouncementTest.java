package vn.eiso.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.announcement.Readiness.Key;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inbox.Inbox;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.nonconformity.NonconformityWorkflow;
import vn.eiso.organisation.UnitData;
import vn.eiso.organisation.UnitType;
import vn.eiso.signature.SignatureVerdict;
import vn.eiso.signature.TestPki;
import vn.eiso.signature.TrustStore;
import vn.eiso.support.Accounts;
import vn.eiso.support.DemoSteps;
import vn.eiso.support.ServiceTest;

/**
 * Readiness, condition by condition, and the announcement flow with its refusals. Each test runs in a
 * transaction that is rolled back, so the demo unit stays as other tests expect it.
 */
@Transactional
class AnnouncementTest extends ServiceTest {

    @Autowired
    ReadinessCheck readiness;
    @Autowired
    Scopes scopes;
    @Autowired
    Announcements announcements;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    NonconformityWorkflow ncWorkflow;
    @Autowired
    Inbox inbox;
    @Autowired
    AuditTrail trail;
    @Autowired
    DSLContext dsl;
    @Autowired
    TrustStore trust;
    @Autowired
    TthcCatalogue catalogue;

    @BeforeEach
    void startFromTheDemo() {
        DemoSteps.forgetOtherTestsMajorNonconformities(dsl, stp);
    }

    private Decision decision(String number) {
        return new Decision(number, today, "Trần Văn Hùng", "Giám đốc");
    }

    private void makeReady() {
        DemoSteps.approveRiskProcedure(register, workflow, stp, this::as);
    }

    private DocumentSummary procedure(String code) {
        return register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 200).stream()
                .filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    /** A real PNG (a 2×2 white square), as a scanner would save the signed page. */
    private static byte[] png() throws IOException {
        var image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_demo_unit_lacks_only_the_risk_procedure_and_readiness_names_the_clause_and_where_to_fix_it() {
        as("thuky.stp");
        Readiness ready = readiness.of(stp);
        assertThat(ready.isReady()).isFalse();
        assertThat(ready.unmet()).extracting(Readiness.Condition::key).containsExactly(Key.MANDATORY_PROCEDURES);
        assertThat(ready.condition(Key.MANDATORY_PROCEDURES).items()).containsExactly("6.1");
        assertThat(ready.condition(Key.MANDATORY_PROCEDURES).route()).isEqualTo("documents");
        // The demo scope was imported from the procedures: QT-06 also cites 1.000775, a code from before the
        // catalogue, which the scope left out (the catalogue screen lists it to correct).
        assertThat(scopes.of(stp).items()).extracting(ScopeItem::code).contains("1.001233")
                .doesNotContain("1.000775");
        assertThat(scopes.importFromProcedures(stp)).isZero();

        makeReady();
        as("thuky.stp");
        assertThat(readiness.of(stp).isReady()).isTrue();
    }

    @Test
    void a_new_unit_misses_every_condition_but_the_one_about_major_nonconformities() {
        UnitId fresh = SystemAuthentication.runAsSystem(() -> units.create(new UnitData("X-MOI", "Ủy ban nhân dân xã Mới",
                UnitType.COMMUNE, unit("HOAAN"))).id());
        as("sokhcn");
        Readiness ready = readiness.of(fresh);
        assertThat(ready.unmet()).extracting(Readiness.Condition::key).containsExactly(Key.SCOPE,
                Key.MANDATORY_PROCEDURES, Key.APPLIED, Key.INTERNAL_AUDIT, Key.MANAGEMENT_REVIEW);
        assertThat(ready.condition(Key.SCOPE).detailKey()).isEqualTo("readiness.scope.empty");
        assertThat(ready.condition(Key.MANDATORY_PROCEDURES).items()).containsExactly("7.5", "9.2", "10.2", "9.3",
                "6.1");
        assertThat(ready.condition(Key.APPLIED).detailKey()).isEqualTo("readiness.applied.unset");
        assertThat(ready.condition(Key.INTERNAL_AUDIT).route()).isEqualTo("audits");
        assertThat(ready.condition(Key.MANAGEMENT_REVIEW).route()).isEqualTo("management-reviews");
        assertThat(ready.condition(Key.NO_MAJOR_NONCONFORMITY).met()).isTrue();
    }

    @Test
    void each_condition_falls_with_the_data_it_is_computed_from() {
        makeReady();
        as("thuky.stp");
        QmsScope scope = scopes.of(stp);

        scopes.setAppliedSince(stp, scope.version(), today.minusMonths(1));
        Readiness.Condition applied = readiness.of(stp).condition(Key.APPLIED);
        assertThat(applied.met()).isFalse();
        assertThat(applied.detailKey()).isEqualTo("readiness.applied.tooShort");
        assertThat(applied.detailArgs()).contains(today.minusMonths(1).plusMonths(3));

        // An activity mapped to a procedure in force that no completed audit covered.
        scopes.addItem(stp, ScopeItem.Kind.ACTIVITY, null, "Rà soát, đánh giá quy trình nội bộ",
                procedure("QT-02").id());
        assertThat(readiness.of(stp).condition(Key.INTERNAL_AUDIT).items())
                .containsExactly("QT-02 · Quy trình đánh giá nội bộ");

        // A TTHC without a procedure leaves the scope undefined.
        refused(() -> scopes.addItem(stp, ScopeItem.Kind.TTHC, "1.000001", "Không có trong danh mục", null),
                "error.scope.tthcUnknown");
        scopes.addItem(stp, ScopeItem.Kind.TTHC, "1.001037.000.00.00.H12", "Tên gõ tay", null);
        Readiness.Condition defined = readiness.of(stp).condition(Key.SCOPE);
        assertThat(defined.met()).isFalse();
        assertThat(defined.items()).as("the catalogue's code and name").containsExactly("1.001037 · Cấp Phiếu lý lịch"
                + " tư pháp cho cơ quan nhà nước, cơ quan chính trị, tổ chức chính trị - xã hội");
        Readiness.Condition catalogued = readiness.of(stp).condition(Key.TTHC_CATALOGUE);
        assertThat(catalogued.met()).isTrue();
        assertThat(catalogued.detailArgs()).first().isEqualTo(1);

        as("congchuc.stp");
        NonconformityId id = nonconformities.report(new NcReport(stp, Nonconformity.Source.STAFF,
                "Trả Phiếu lý lịch tư pháp sai thông tin nhân thân", null, "8.5"), Map.of());
        as("thuky.stp");
        ncWorkflow.accept(id, nonconformities.get(id).version(), Nonconformity.Severity.MAJOR);
        Readiness.Condition major = readiness.of(stp).condition(Key.NO_MAJOR_NONCONFORMITY);
        assertThat(major.met()).isFalse();
        assertThat(major.items()).singleElement().asString().startsWith(id.label());
    }

    @Test
    void announcing_while_not_ready_is_refused_with_what_is_missing_and_records_nothing() {
        as("lanhdao.stp");
        assertThatThrownBy(() -> announcements.announce(stp, decision("15/QĐ-STP")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.announcement.notReady");
                    assertThat(e.args()[0]).isEqualTo(1);
                    assertThat(e.args()[1]).isEqualTo(
                            List.of(new DomainException.Key("readiness.MANDATORY_PROCEDURES")));
                });
        assertThat(announcements.ofUnit(stp)).isEmpty();
        assertThat(announcements.publicRegister()).isEmpty();
    }

    @Test
    void the_head_announces_the_decision_is_generated_kept_published_and_the_science_department_told()
            throws IOException {
        makeReady();
        as("lanhdao.stp");
        Announcement first = announcements.announce(stp, decision("15/QĐ-STP"));
        assertThat(first.status()).isEqualTo(AnnouncementStatus.ANNOUNCED);
        assertThat(first.scopeText()).contains("1.001233", "2.001417").doesNotContain("QT-06");

        String pdf = text(announcements.decisionPdf(first.id()));
        assertThat(pdf).contains("QUYẾT ĐỊNH", "Số: 15/QĐ-STP", "SỞ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "1.001233", "Trần Văn Hùng", "Nơi nhận:");
        assertThat(pdf).contains("Hòa An, " + Announcements.longDate(today));

        assertThat(announcements.publicRegister()).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo("15/QĐ-STP");
            assertThat(p.unitName()).isEqualTo("Sở Tư pháp");
            assertThat(p.status()).isEqualTo(AnnouncementStatus.ANNOUNCED);
        });
        Accounts.signOut();
        Announcements.DownloadedFile published = announcements.publicFile(first.id());
        assertThat(published.contentType()).isEqualTo("application/pdf");
        assertThat(text(published.content())).contains("Số: 15/QĐ-STP");

        as("sokhcn");
        assertThat(inbox.mine(true, 10)).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("notice.announced");
            assertThat(n.params()).containsExactly("Sở Tư pháp", "15/QĐ-STP",
                    today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        });
        as("admin");
        assertThat(trail.find(new AuditFilter(null, "ANNOUNCED", null, null), 0, 5))
                .anySatisfy(e -> assertThat(e.details()).startsWith("15/QĐ-STP"));

        as("lanhdao.stp");
        refused(() -> announcements.announce(stp, decision("15/qđ-stp")), "error.announcement.numberTaken");
        Announcement second = announcements.announce(stp, decision("16/QĐ-STP"));
        assertThat(announcements.ofUnit(stp)).extracting(Announcement::number, Announcement::status)
                .containsExactly(tuple("16/QĐ-STP", AnnouncementStatus.ANNOUNCED),
                        tuple("15/QĐ-STP", AnnouncementStatus.SUPERSEDED));
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void a_scope_change_after_announcing_flags_re_announcement_and_a_new_decision_clears_it() {
        makeReady();
        as("lanhdao.stp");
        Announcement announced = announcements.announce(stp, decision("15/QĐ-STP"));
        as("thuky.stp");
        ScopeItem added = scopes.addItem(stp, ScopeItem.Kind.ACTIVITY, null, "Tiếp công dân",
                procedure("QT-06").id()).items().stream().filter(i -> i.name().equals("Tiếp công dân")).findFirst()
                .orElseThrow();
        Announcement due = announcements.ofUnit(stp).getFirst();
        assertThat(due.status()).isEqualTo(AnnouncementStatus.DUE);
        assertThat(due.dueReason()).isEqualTo("SCOPE_CHANGED");
        assertThat(announcements.publicRegister().getFirst().status()).isEqualTo(AnnouncementStatus.DUE);

        as("lanhdao.stp");
        Announcement again = announcements.announce(stp, decision("20/QĐ-STP"));
        assertThat(again.scopeText()).contains("Tiếp công dân");
        assertThat(announcements.ofUnit(stp)).extracting(Announcement::status)
                .containsExactly(AnnouncementStatus.ANNOUNCED, AnnouncementStatus.SUPERSEDED);
        assertThat(announced.id()).isNotEqualTo(again.id());

        as("thuky.stp");
        scopes.removeItem(added.id());
        assertThat(announcements.ofUnit(stp).getFirst().status()).isEqualTo(AnnouncementStatus.DUE);
    }

    @Test
    void only_the_head_announces_and_other_units_see_nothing() {
        makeReady();
        as("thuky.stp");
        assertThatThrownBy(() -> announcements.announce(stp, decision("15/QĐ-STP")))
                .isInstanceOf(AccessDeniedException.class);
        as("lanhdao.xa");
        assertThatThrownBy(() -> announcements.ofUnit(stp)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readiness.of(stp)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scopes.addItem(stp, ScopeItem.Kind.ACTIVITY, null, "x", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void bad_decisions_and_scope_items_get_a_clear_message_and_change_nothing() {
        makeReady();
        as("lanhdao.stp");
        refused(() -> announcements.announce(stp, decision(" ")), "error.announcement.numberRequired");
        refused(() -> announcements.announce(stp, decision("15/QĐ STP<script>")), "error.announcement.numberFormat");
        refused(() -> announcements.announce(stp, new Decision("15/QĐ-STP", today.plusDays(1), "A", "B")),
                "error.announcement.dateFuture");
        refused(() -> announcements.announce(stp, new Decision("15/QĐ-STP", null, "A", "B")),
                "error.announcement.dateRequired");
        refused(() -> announcements.announce(stp, new Decision("15/QĐ-STP", today, "", "B")),
                "error.announcement.signerRequired");
        assertThat(announcements.ofUnit(stp)).isEmpty();

        as("thuky.stp");
        int before = scopes.of(stp).items().size();
        refused(() -> scopes.addItem(stp, ScopeItem.Kind.TTHC, null, "Không mã", null), "error.scope.codeRequired");
        refused(() -> scopes.addItem(stp, ScopeItem.Kind.TTHC, "1.001233", "Trùng", null), "error.scope.duplicate");
        UnitId commune = unit("X-TANPHU");
        DocumentSummary foreign = SystemAuthentication.runAsSystem(() -> register.list(DocumentFilter.of(commune),
                DocumentSort.CODE, true, 0, 10).getFirst());
        assertThatThrownBy(() -> scopes.addItem(stp, ScopeItem.Kind.ACTIVITY, null, "Lạ", foreign.id()))
                .isInstanceOf(AccessDeniedException.class);
        DocumentSummary form = procedure("BM-01");
        refused(() -> scopes.addItem(stp, ScopeItem.Kind.ACTIVITY, null, "Biểu mẫu", form.id()),
                "error.scope.notAProcedure");
        refused(() -> scopes.setAppliedSince(stp, scopes.of(stp).version(), today.plusDays(1)),
                "error.scope.appliedSinceFuture");
        assertThat(scopes.of(stp).items()).hasSize(before);
    }

    @Test
    void the_signed_copy_must_carry_a_valid_signature_of_the_signer_or_unit_and_then_the_public_register_serves_it()
            throws IOException {
        TestPki.Chain chain = TestPki.newChain();
        byte[] scan = png();
        makeReady();
        as("lanhdao.stp");
        Announcement a = announcements.announce(stp, decision("15/QĐ-STP"));
        refused(() -> announcements.attachSigned(a.id(), "quyet-dinh.txt",
                "không phải PDF".getBytes(StandardCharsets.UTF_8)), "error.announcement.signedType");
        byte[] unsigned = announcements.decisionPdf(a.id());
        byte[] signed = TestPki.signed(unsigned, chain.director());
        refused(() -> announcements.attachSigned(a.id(), "QĐ 15 đã ký.pdf.hta", signed), "error.file.executable");
        refused(() -> announcements.attachSigned(a.id(), "QĐ 15 (bản quét).png", scan),
                "error.announcement.unsignedCopy");
        refused(() -> announcements.attachSigned(a.id(), "QĐ 15.pdf", unsigned), "error.announcement.unsignedCopy");
        refused(() -> announcements.attachSigned(a.id(), "QĐ 15 đã ký.pdf", signed),
                "error.announcement.signatureInvalid");
        as("admin");
        trust.add("ca.pem", chain.bundle());
        as("lanhdao.stp");
        byte[] byClerk = TestPki.signed(unsigned, chain.signer("Phạm Văn Văn Thư", "Văn phòng UBND tỉnh"));
        assertThatThrownBy(() -> announcements.attachSigned(a.id(), "QĐ 15 đã ký.pdf", byClerk))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.announcement.signerMismatch")
                .satisfies(e -> assertThat(((DomainException) e).args()).contains("Phạm Văn Văn Thư"));
        assertThat(announcements.ofUnit(stp).getFirst().hasSignedCopy()).isFalse();

        byte[] byUnit = TestPki.signed(unsigned, chain.signer("Sở Tư pháp", "UBND tỉnh Hòa An"));
        announcements.attachSigned(a.id(), "QĐ 15 đã ký (con dấu số).pdf", byUnit);
        announcements.attachSigned(a.id(), "QĐ 15 đã ký.pdf", signed);
        Announcement withSigned = announcements.ofUnit(stp).getFirst();
        assertThat(withSigned.signedFileName()).isEqualTo("QĐ 15 đã ký.pdf");
        assertThat(announcements.signedCopySignatures(a.id()).orElseThrow().headline().orElseThrow())
                .satisfies(s -> assertThat(s.verdict()).isEqualTo(SignatureVerdict.VALID))
                .satisfies(s -> assertThat(s.signerName()).isEqualTo("Trần Văn Hùng"));
        Accounts.signOut();
        // The accepted copy's verdict was kept on upload: the public register shows it without verifying anything.
        assertThat(announcements.publicSignatures().get(a.id()).headline().orElseThrow())
                .satisfies(s -> assertThat(s.verdict()).isEqualTo(SignatureVerdict.VALID))
                .satisfies(s -> assertThat(s.signerName()).isEqualTo("Trần Văn Hùng"));
        Announcements.DownloadedFile published = announcements.publicFile(a.id());
        assertThat(published.contentType()).isEqualTo("application/pdf");
        assertThat(published.name()).isEqualTo("QD-cong-bo-15-QĐ-STP.pdf");
        assertThat(published.content()).isEqualTo(signed);
        Announcement signedCopy = withSigned;

        as("sokhcn");
        announcements.withdraw(a.id(), signedCopy.version(), "Kiểm tra phát hiện chưa áp dụng quy trình QT-06");
        assertThat(announcements.publicRegister().getFirst().status()).isEqualTo(AnnouncementStatus.WITHDRAWN);
        refused(() -> announcements.withdraw(a.id(), announcements.ofUnit(stp).getFirst().version(), "lần nữa"),
                "error.announcement.notCurrent");
        as("lanhdao.stp");
        refused(() -> announcements.attachSigned(a.id(), "khac.pdf", signed), "error.announcement.notCurrent");
    }

    @Test
    void the_announcement_falls_due_when_the_catalogue_amends_a_procedure_of_its_scope() throws IOException {
        makeReady();
        as("lanhdao.stp");
        Announcement a = announcements.announce(stp, decision("15/QĐ-STP"));
        as("sokhcn");
        String csv;
        try (var in = getClass().getResourceAsStream("/demo/tthc.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalogue.apply("sua-doi.csv", csv.replace("cho cơ quan tiến hành tố tụng", "cho cơ quan tiến hành tố tụng "
                + "(sửa đổi)").getBytes(StandardCharsets.UTF_8), catalogue.version());

        as("lanhdao.stp");
        Announcement due = announcements.ofUnit(stp).stream().filter(x -> x.id() == a.id()).findFirst().orElseThrow();
        assertThat(due.status()).isEqualTo(AnnouncementStatus.DUE);
        assertThat(due.dueReason()).isEqualTo("CATALOGUE_CHANGED");
    }

    @Test
    void the_science_department_edits_the_template_and_the_next_decision_follows_it() throws IOException {
        as("thuky.stp");
        DecisionTemplate template = announcements.template();
        assertThatThrownBy(() -> announcements.saveTemplate(template)).isInstanceOf(AccessDeniedException.class);
        as("sokhcn");
        refused(() -> announcements.saveTemplate(new DecisionTemplate("Hòa An", "T", "Không có chỗ trống", "VT",
                template.version())), "error.template.placeholders");
        announcements.saveTemplate(new DecisionTemplate("Tân An", template.title(),
                template.body().replace("Điều 2.", "Điều 2. Giao {unit} duy trì hệ thống."), template.recipients(),
                template.version()));
        makeReady();
        as("lanhdao.stp");
        String preview = text(announcements.preview(stp, decision("15/QĐ-STP")));
        assertThat(preview).contains("Tân An, ngày").contains("Giao Sở Tư pháp duy trì hệ thống.");
        assertThat(announcements.ofUnit(stp)).isEmpty();
    }

    @Test
    void decision_dates_follow_the_administrative_style() {
        assertThat(Announcements.longDate(LocalDate.of(2026, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2026");
        assertThat(Announcements.longDate(LocalDate.of(2026, 11, 26))).isEqualTo("ngày 26 tháng 11 năm 2026");
    }
}
