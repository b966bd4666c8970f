package vn.eiso.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.reporting.DecisionPdf;
import vn.eiso.signature.TrustStore;

/**
 * The justice department's quality policy, issued by a decision its director signed digitally. The certificate
 * comes from a demo CA made at start-up ({@link DemoPki}), which the demo's administrator trusts under a name that
 * says it is for trying out only; a real province trusts the national CAs instead.
 */
@Component
class DemoSignatures {

    static final String DEMO_CA = "CA dùng thử eISO (chỉ để dùng thử, không có giá trị pháp lý)";

    private final TrustStore trust;
    private final DocumentRegister register;
    private final RevisionWorkflow workflow;
    private final DemoPeople people;
    private final Clock clock;

    DemoSignatures(TrustStore trust, DocumentRegister register, RevisionWorkflow workflow, DemoPeople people,
            Clock clock) {
        this.trust = trust;
        this.register = register;
        this.workflow = workflow;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId unit) {
        Instant now = clock.instant();
        DemoPki.Credential root = DemoPki.root(DEMO_CA, now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(3650)));
        DemoPki.Credential director = DemoPki.issue(root, "Trần Văn Hùng", "Sở Tư pháp tỉnh Hòa An",
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(730)), false);
        LocalDate decided = LocalDate.now(clock).minusMonths(10);
        byte[] decision = DecisionPdf.render(new DecisionPdf.Content("UBND TỈNH HÒA AN", "SỞ TƯ PHÁP", "12/QĐ-STP",
                "Hòa An, ngày " + decided.getDayOfMonth() + " tháng " + decided.getMonthValue() + " năm "
                        + decided.getYear(), "QUYẾT ĐỊNH", "Về việc ban hành Chính sách chất lượng của Sở Tư pháp",
                "GIÁM ĐỐC SỞ TƯ PHÁP", List.of("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng "
                        + "Chính phủ;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Chính sách chất "
                        + "lượng của Sở Tư pháp.", "Điều 2. Quyết định có hiệu lực kể từ ngày ký."),
                List.of("Như Điều 2;", "Lưu: VT."), "GIÁM ĐỐC", "Trần Văn Hùng"));
        // Timestamped, as signing tools in the province do: the badge's time is the authority's.
        DemoPki.Credential timestamps = DemoPki.timestampAuthority(root, "Dịch vụ cấp dấu thời gian dùng thử",
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(730)));
        Instant signedAt = now.minus(Duration.ofDays(300));
        byte[] signed = DemoPki.sign(decision, director, signedAt, List.of(),
                new DemoPki.Stamp(timestamps, signedAt.plusSeconds(2)));

        people.acting(() -> {
            people.signIn("admin");
            trust.add("ca-dung-thu-eiso.pem", TrustStore.pem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
            var officer = people.signIn("thuky.stp");
            Document policy = register.create(unit, new DocumentData("CS-01", "Chính sách chất lượng",
                    DocumentType.QUALITY_POLICY, officer.userId(), null, "5.2", 12, null, null, null, null, null,
                    Set.of()));
            Revision draft = workflow.startRevision(policy.id(), "Ban hành lần đầu");
            draft = workflow.editDraft(draft.id(), draft.version(), "CHÍNH SÁCH CHẤT LƯỢNG\n\nSở Tư pháp cam kết "
                    + "giải quyết thủ tục hành chính đúng hạn, công khai, minh bạch; lấy sự hài lòng của người dân "
                    + "và doanh nghiệp làm thước đo chất lượng phục vụ.", "Ban hành lần đầu");
            workflow.attach(draft.id(), "QĐ 12-QĐ-STP ban hành chính sách chất lượng (đã ký số).pdf", signed);
            draft = workflow.submit(draft.id(), workflow.get(draft.id()).version());
            people.signIn("lanhdao.stp");
            workflow.review(draft.id(), DemoData.PASSWORD, "Nội dung phù hợp.");
            workflow.approve(draft.id(), workflow.get(draft.id()).version(), DemoData.PASSWORD, null, Set.of());
        });
    }
}
