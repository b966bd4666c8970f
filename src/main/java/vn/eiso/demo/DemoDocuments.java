package vn.eiso.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.document.ChangeRequests;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Records;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;

/**
 * The demo units' QMS documents (Sở Tư pháp in full, a commune's first procedures), made the way their people
 * would make them: the quality officer drafts and submits, the unit head reviews and approves with the password.
 * One procedure has two revisions (for history and comparison), one is still a draft, one external decree is
 * referenced.
 */
@Component
class DemoDocuments {

    /** Who drafts and who approves in a demo unit, and how its procedures name the unit. */
    record Team(String officer, String head, String unitName, String scope) {
    }

    private static final Team STP = new Team("thuky.stp", "lanhdao.stp", "Sở Tư pháp",
            "Áp dụng đối với các phòng, đơn vị thuộc Sở.");
    private static final Team TAN_PHU = new Team("thuky.xa", "lanhdao.xa", "Ủy ban nhân dân xã Tân Phú",
            "Áp dụng đối với công chức và Bộ phận Một cửa của xã.");

    private final DocumentRegister register;
    private final RevisionWorkflow workflow;
    private final ChangeRequests changeRequests;
    private final Records records;
    private final DemoPeople people;

    DemoDocuments(DocumentRegister register, RevisionWorkflow workflow, ChangeRequests changeRequests,
            Records records, DemoPeople people) {
        this.register = register;
        this.workflow = workflow;
        this.changeRequests = changeRequests;
        this.records = records;
        this.people = people;
    }

    void load(UnitId unit) {
        people.acting(() -> loadAs(unit));
    }

    /** A commune's first procedures, so the science department oversees (and searches) more than one unit. */
    void loadCommune(UnitId unit) {
        people.acting(() -> {
            issue(TAN_PHU, unit, "QT-01", "Quy trình chứng thực bản sao từ bản chính", DocumentType.PROCEDURE,
                    "8.5", "2.000815", Set.of(), procedure(TAN_PHU, "chứng thực bản sao từ bản chính", "8.5", 1),
                    "Ban hành lần đầu");
            issue(TAN_PHU, unit, "QT-02", "Quy trình đăng ký khai sinh", DocumentType.PROCEDURE, "8.5", "1.001193",
                    Set.of(), procedure(TAN_PHU, "đăng ký khai sinh", "8.5", 1), "Ban hành lần đầu");
            issue(TAN_PHU, unit, "QT-03", "Quy trình giải quyết khiếu nại lần đầu", DocumentType.PROCEDURE, "9.1.2",
                    "2.002204", Set.of(), procedure(TAN_PHU, "giải quyết khiếu nại lần đầu", "9.1.2", 1),
                    "Ban hành lần đầu");
        });
    }

    private void loadAs(UnitId unit) {
        EisoPrincipal officer = people.signIn("thuky.stp");
        Document decree = register.create(unit, new DocumentData("19/2014/QĐ-TTg",
                "Quyết định về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001 vào hoạt động của các cơ "
                        + "quan, tổ chức thuộc hệ thống hành chính nhà nước",
                DocumentType.EXTERNAL, officer.userId(), null, "4.1", 12, null, "Thủ tướng Chính phủ",
                "19/2014/QĐ-TTg", LocalDate.of(2014, 3, 5), null, Set.of()));
        register.create(unit, new DocumentData("101/QĐ-TTg", "Quyết định phê duyệt Mô hình khung hệ thống quản lý "
                + "chất lượng", DocumentType.EXTERNAL, officer.userId(), null, null, 12, null, "Thủ tướng Chính phủ",
                "101/QĐ-TTg", LocalDate.of(2018, 1, 23), null, Set.of()));

        Document control = issue(STP, unit, "QT-01", "Quy trình kiểm soát tài liệu", DocumentType.PROCEDURE, "7.5",
                null, Set.of(decree.id()), procedure(STP, "kiểm soát tài liệu", "7.5", 1), "Ban hành lần đầu");
        reviseAndIssue(STP, control.id(), procedure(STP, "kiểm soát tài liệu", "7.5", 2),
                "Bổ sung bước xác nhận đã đọc và rút ngắn thời hạn rà soát từ 12 xuống 6 tháng");
        issue(STP, unit, "QT-02", "Quy trình đánh giá nội bộ", DocumentType.PROCEDURE, "9.2", null, Set.of(),
                procedure(STP, "đánh giá nội bộ", "9.2", 1), "Ban hành lần đầu");
        issue(STP, unit, "QT-03", "Quy trình kiểm soát sự không phù hợp và hành động khắc phục",
                DocumentType.PROCEDURE, "10.2", null, Set.of(), procedure(STP, "kiểm soát sự không phù hợp", "10.2", 1),
                "Ban hành lần đầu");
        issue(STP, unit, "QT-04", "Quy trình xem xét của lãnh đạo", DocumentType.PROCEDURE, "9.3", null, Set.of(),
                procedure(STP, "xem xét của lãnh đạo", "9.3", 1), "Ban hành lần đầu");
        issue(STP, unit, "QT-06", "Quy trình cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                DocumentType.PROCEDURE, "8.5", "1.001233, 1.000775", Set.of(),
                procedure(STP, "cấp Phiếu lý lịch tư pháp", "8.5", 1), "Ban hành lần đầu");
        Document form = issue(STP, unit, "BM-01", "Phiếu đề nghị sửa đổi, bổ sung tài liệu", DocumentType.FORM, "7.5",
                null,
                Set.of(), "PHIẾU ĐỀ NGHỊ SỬA ĐỔI, BỔ SUNG TÀI LIỆU\n\nTên tài liệu: ...\nMã hiệu: ...\n"
                        + "Nội dung đề nghị sửa đổi: ...\nLý do: ...\nNgười đề nghị: ...  Ngày: .../.../......",
                "Ban hành lần đầu");
        issue(STP, unit, "HS-01", "Biên bản họp xem xét của lãnh đạo", DocumentType.RECORD_TEMPLATE, "9.3", null,
                Set.of(), "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO\n\nThời gian: ...\nThành phần: ...\n"
                        + "Đầu vào xem xét (ISO 9001 mục 9.3.2): ...\nKết luận và quyết định: ...", "Ban hành lần đầu");

        people.signIn("thuky.stp");
        Document risks = register.create(unit, new DocumentData("QT-05", "Quy trình quản lý rủi ro và cơ hội",
                DocumentType.PROCEDURE, officer.userId(), null, "6.1", 12, null, null, null, null, null, Set.of()));
        Revision draft = workflow.startRevision(risks.id(), "Soạn mới theo mục 6.1 TCVN ISO 9001:2015");
        workflow.editDraft(draft.id(), draft.version(), procedure(STP, "quản lý rủi ro và cơ hội", "6.1", 1),
                draft.changeSummary());

        people.signIn("congchuc.stp");
        changeRequests.request(form.id(), "Đề nghị bổ sung ô ghi số điện thoại liên hệ của người đề nghị.");
        records.file(form.id(), "Đề nghị sửa đổi QT-06 về thời hạn trả kết quả",
                "Đề nghị rút ngắn thời hạn trả Phiếu lý lịch tư pháp từ 10 xuống 7 ngày làm việc.",
                Map.of("de-nghi-sua-doi-QT-06.txt",
                        "Nội dung đề nghị chi tiết kèm theo.".getBytes(StandardCharsets.UTF_8)));
    }

    private Document issue(Team team, UnitId unit, String code, String title, DocumentType type,
            String clauses, String tthc,
            Set<DocumentId> references, String text, String summary) {
        EisoPrincipal officer = people.signIn(team.officer());
        Document document = register.create(unit, new DocumentData(code, title, type, officer.userId(), tthc, clauses,
                12, type == DocumentType.RECORD_TEMPLATE || type == DocumentType.FORM ? 60 : null, null, null, null,
                null, references));
        reviseAndIssue(team, document.id(), text, summary);
        return document;
    }

    private void reviseAndIssue(Team team, DocumentId id, String text, String summary) {
        people.signIn(team.officer());
        Revision draft = workflow.startRevision(id, summary);
        draft = workflow.editDraft(draft.id(), draft.version(), text, summary);
        draft = workflow.submit(draft.id(), draft.version());
        people.signIn(team.head());
        workflow.review(draft.id(), DemoData.PASSWORD, "Nội dung phù hợp.");
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), DemoData.PASSWORD, null, Set.of());
    }


    /** A procedure in the usual layout of Vietnamese QMS documents. */
    static String procedure(Team team, String subject, String clause, int revision) {
        List<String> steps = revision == 1
                ? List.of("Bước 1: Người phụ trách soạn thảo hoặc cập nhật tài liệu.",
                        "Bước 2: Thư ký ISO kiểm tra hình thức và trình lãnh đạo xem xét.",
                        "Bước 3: Lãnh đạo đơn vị xem xét, phê duyệt và ký ban hành.",
                        "Bước 4: Thư ký ISO phân phối tài liệu, thu hồi tài liệu hết hiệu lực.")
                : List.of("Bước 1: Người phụ trách soạn thảo hoặc cập nhật tài liệu.",
                        "Bước 2: Thư ký ISO kiểm tra hình thức và trình lãnh đạo xem xét.",
                        "Bước 3: Lãnh đạo đơn vị xem xét, phê duyệt và ký ban hành.",
                        "Bước 4: Thư ký ISO phân phối tài liệu trên phần mềm ISO điện tử; công chức xác nhận đã đọc.",
                        "Bước 5: Định kỳ 6 tháng, thư ký ISO rà soát sự phù hợp của tài liệu.");
        return "1. MỤC ĐÍCH\nQuy định thống nhất cách thức " + subject + " trong hệ thống quản lý chất lượng của "
                + team.unitName() + ".\n\n2. PHẠM VI ÁP DỤNG\n" + team.scope() + "\n\n"
                + "3. TÀI LIỆU VIỆN DẪN\n- TCVN ISO 9001:2015, điều khoản " + clause + ".\n"
                + "- Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ.\n\n"
                + "4. ĐỊNH NGHĨA, TỪ VIẾT TẮT\nHTQLCL: Hệ thống quản lý chất lượng.\n\n5. NỘI DUNG QUY TRÌNH\n"
                + String.join("\n", steps) + "\n\n6. HỒ SƠ\nHồ sơ được lưu theo quy định, thời gian lưu 5 năm.";
    }
}
