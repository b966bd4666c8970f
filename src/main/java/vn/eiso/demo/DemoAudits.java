package vn.eiso.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditPlan;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.AuditorPool;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ItemResult;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audit.ReviewInput;
import vn.eiso.audit.ReviewInputKey;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentSummary;
import vn.eiso.planning.Objective;
import vn.eiso.planning.ObjectiveData;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risk;
import vn.eiso.planning.RiskData;
import vn.eiso.planning.Risks;

/**
 * The justice department's QMS in use: a signed audit with a finding that opened a nonconformity, an audit coming
 * up, quality objectives with a year of results, a risk register and last year's closed management review. Made
 * through the services as the people who would do it, so the demo obeys the same rules as real use.
 */
@Component
class DemoAudits {

    private final Audits audits;
    private final AuditWork work;
    private final AuditorPool pool;
    private final ManagementReviews reviews;
    private final Objectives objectives;
    private final Risks risks;
    private final DemoPeople people;
    private final Clock clock;

    DemoAudits(Audits audits, AuditWork work, AuditorPool pool, ManagementReviews reviews, Objectives objectives,
            Risks risks, DemoPeople people, Clock clock) {
        this.audits = audits;
        this.work = work;
        this.pool = pool;
        this.reviews = reviews;
        this.objectives = objectives;
        this.risks = risks;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId unit) {
        people.acting(() -> loadAs(unit));
    }

    private void loadAs(UnitId unit) {
        LocalDate today = LocalDate.now(clock);
        people.signIn("sokhcn");
        UserId auditor = people.signIn("danhgia").userId();
        UserId expert = people.signIn("chuyengia.skhcn").userId();
        people.signIn("sokhcn");
        pool.add(auditor);
        pool.add(expert);

        EisoPrincipal officer = people.signIn("thuky.stp");
        List<DocumentSummary> procedures = audits.procedures(unit);
        LocalDate heldLastYear = today.minusMonths(11);
        ManagementReview review = reviews.prepare(unit, heldLastYear,
                "Xem xét của lãnh đạo năm " + heldLastYear.getYear());
        Map<ReviewInputKey, ReviewInput> inputs = new EnumMap<>(ReviewInputKey.class);
        for (ReviewInputKey key : ReviewInputKey.values()) {
            inputs.put(key, new ReviewInput(key, List.of(), key == ReviewInputKey.RESOURCES
                    ? "Bộ phận Một cửa thiếu 01 công chức vào cao điểm cuối năm." : null, true));
        }
        review = reviews.record(review.id(), review.version(),
                "Ông Trần Văn Hùng (Giám đốc, chủ trì); bà Lê Thị Mai (thư ký ISO); trưởng các phòng.",
                "Hệ thống quản lý chất lượng của Sở được duy trì phù hợp. Cần rút ngắn thời gian trả Phiếu lý lịch "
                        + "tư pháp và bổ sung nhân lực cho Bộ phận Một cửa vào cuối năm.", inputs);
        review = reviews.addAction(review.id(), "Trình UBND tỉnh rút ngắn thời hạn trả Phiếu lý lịch tư pháp "
                + "xuống 7 ngày làm việc", officer.userId(), today.plusDays(40));
        review = reviews.addAction(review.id(), "Bố trí thêm 01 công chức tiếp nhận hồ sơ tại Bộ phận Một cửa "
                + "trong tháng 12", officer.userId(), today.plusDays(10));
        people.signIn("lanhdao.stp");
        reviews.close(review.id(), review.version());

        people.signIn("thuky.stp");
        UserId owner = officer.userId();
        Objective onTime = objectives.create(unit, new ObjectiveData("Trả kết quả Phiếu lý lịch tư pháp đúng hạn",
                "Tỷ lệ hồ sơ trả đúng hạn trên tổng số hồ sơ đã giải quyết", Objective.Direction.AT_LEAST,
                new BigDecimal("98"), "%", Objective.Frequency.QUARTERLY, owner));
        String[] values = {"96,5", "97,8", "98,6", "99,1"};
        for (int i = 0; i < values.length; i++) {
            objectives.measure(onTime.id(), today.minusMonths(3L * (values.length - i)), values[i],
                    i == 0 ? "Cao điểm hồ sơ cuối năm" : null);
        }
        Objective satisfaction = objectives.create(unit, new ObjectiveData("Người dân hài lòng với dịch vụ hành chính",
                "Tỷ lệ phiếu khảo sát đánh giá hài lòng và rất hài lòng", Objective.Direction.AT_LEAST,
                new BigDecimal("90"), "%", Objective.Frequency.YEARLY, owner));
        objectives.measure(satisfaction.id(), today.minusMonths(10), "92,4", "Khảo sát 312 phiếu");
        objectives.create(unit, new ObjectiveData("Không để hồ sơ quá hạn do lỗi của công chức",
                "Số hồ sơ quá hạn do lỗi chủ quan trong tháng", Objective.Direction.AT_MOST, BigDecimal.ZERO, "hồ sơ",
                Objective.Frequency.MONTHLY, owner));

        risks.create(unit, new RiskData(Risk.Kind.RISK, "Hồ sơ lý lịch tư pháp dồn vào cuối năm gây trễ hạn",
                "Cấp Phiếu lý lịch tư pháp (QT-06)", 4, 4, "Tăng cường 01 công chức tiếp nhận; nhắc hạn tự động "
                        + "trên phần mềm một cửa.", owner, today.plusMonths(1), Risk.Status.OPEN, null));
        risks.create(unit, new RiskData(Risk.Kind.RISK, "Mất dữ liệu hồ sơ điện tử do sự cố máy chủ",
                "Kiểm soát thông tin dạng văn bản (QT-01)", 2, 5, "Sao lưu hằng ngày ra máy chủ của tỉnh.", owner,
                today.plusMonths(6), Risk.Status.OPEN, null));
        risks.create(unit, new RiskData(Risk.Kind.OPPORTUNITY,
                "Kết nối Cơ sở dữ liệu quốc gia về dân cư để rút ngắn thời gian xác minh", "QT-06", 3, 4,
                "Đề xuất với Sở Khoa học và Công nghệ trong kế hoạch chuyển đổi số năm sau.", owner,
                today.plusMonths(3), Risk.Status.OPEN, null));

        LocalDate firstStart = today.minusDays(70);
        Audit done = audits.plan(unit, new AuditPlan("Đánh giá nội bộ đợt 1 năm " + firstStart.getYear(),
                "TCVN ISO 9001:2015; các quy trình của Sở; Nghị định 111/2010/NĐ-CP về lý lịch tư pháp.",
                firstStart, firstStart.plusDays(1), auditor, Set.of(expert),
                ids(procedures, "QT-01", "QT-06"), new LinkedHashSet<>(List.of("7", "8"))));
        people.signIn("danhgia");
        for (AuditItem item : work.checklist(done.id())) {
            boolean issued = "QT-06".equals(item.documentCode());
            boolean records = "7.5".equals(item.clauseCode()) && item.documentCode() == null;
            if (issued) {
                work.record(item.id(), item.version(), "03/20 hồ sơ cấp Phiếu lý lịch tư pháp quý III trả quá hạn "
                        + "2–4 ngày, không có văn bản xin lỗi và hẹn lại ngày trả kết quả theo quy định.",
                        ItemResult.MINOR_NC);
            } else if (records) {
                work.record(item.id(), item.version(), "Sổ theo dõi tài liệu bên ngoài chưa cập nhật Nghị định "
                        + "mới về lý lịch tư pháp.", ItemResult.OBSERVATION);
            } else {
                work.record(item.id(), item.version(), null, ItemResult.CONFORMING);
            }
        }
        done = audits.get(done.id());
        done = work.saveReport(done.id(), done.version(), "Đoàn đánh giá 02 quy trình và các điều 7, 8 tại "
                + "Văn phòng Sở và Bộ phận Một cửa. Hệ thống được áp dụng và duy trì; 01 điểm không phù hợp nhẹ, "
                + "01 điểm lưu ý.", "Hệ thống quản lý chất lượng của Sở Tư pháp phù hợp với TCVN ISO 9001:2015, "
                + "được áp dụng và duy trì có hiệu lực; đơn vị khắc phục điểm không phù hợp trong 30 ngày.");
        done = work.signOff(done.id(), done.version(), DemoData.PASSWORD);
        people.signIn("lanhdao.stp");
        work.acknowledge(done.id(), done.version());

        people.signIn("thuky.stp");
        LocalDate nextStart = today.plusDays(14).getYear() == today.getYear() ? today.plusDays(14)
                : MonthDay.of(12, 30).atYear(today.getYear());
        audits.plan(unit, new AuditPlan("Đánh giá nội bộ đợt 2 năm " + nextStart.getYear(),
                "TCVN ISO 9001:2015; các quy trình của Sở.", nextStart, nextStart.plusDays(1), expert,
                Set.of(auditor), ids(procedures, "QT-02", "QT-03", "QT-04"),
                new LinkedHashSet<>(List.of("4", "5", "6", "9", "10"))));

        // This year's review, prepared after the audit so that its inputs already count it.
        LocalDate meeting = today.plusDays(7);
        reviews.prepare(unit, meeting, "Xem xét của lãnh đạo năm " + meeting.getYear());
    }

    private static Set<DocumentId> ids(List<DocumentSummary> procedures, String... codes) {
        Set<String> wanted = Set.of(codes);
        Set<DocumentId> ids = new LinkedHashSet<>();
        procedures.stream().filter(p -> wanted.contains(p.code())).forEach(p -> ids.add(p.id()));
        return ids;
    }

}
