package vn.eiso.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.eiso.annualreport.AnnualReport;
import vn.eiso.annualreport.AnnualReports;
import vn.eiso.announcement.Scopes;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitType;

/**
 * The province's reporting and rollout as the science department finds it: last year's reporting period (due 15
 * December) and this year's, whose deadline passed ten days ago; the justice department submitted last year's report
 * and is drafting this year's, late like every other unit; the
 * provincial agencies, Tân Phú and about every other commune declared when they began applying their QMS, a few
 * months apart.
 */
@Component
class DemoReports {

    private final AnnualReports reports;
    private final Scopes scopes;
    private final DemoPeople people;
    private final Clock clock;

    DemoReports(AnnualReports reports, Scopes scopes, DemoPeople people, Clock clock) {
        this.reports = reports;
        this.scopes = scopes;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId justice, UnitId commune, List<Unit> units) {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        String sections = String.join("\n", AnnualReports.DEFAULT_SECTIONS);
        people.acting(() -> {
            people.signIn("sokhcn");
            reports.savePeriod(year - 1, null, LocalDate.of(year - 1, 12, 15), sections);
            // This year's deadline passed ten days ago, so the demo shows late reports on any day of the year (in
            // early January the department set it in late December).
            reports.savePeriod(year, null, today.minusDays(10), sections);

            people.signIn("lanhdao.stp");
            AnnualReport last = reports.open(justice, year - 1);
            List<String> bodies = List.of(last.sections().get(0).body(),
                    "Duy trì 12 quy trình nội bộ và theo TTHC; cập nhật 3 quy trình khi Bộ Tư pháp sửa đổi TTHC.",
                    "Đánh giá nội bộ tháng 10, một điểm không phù hợp nhẹ đã khắc phục; xem xét của lãnh đạo tháng 11.",
                    "Một số công chức mới chưa quen phần mềm ISO điện tử.",
                    "Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn chuyên gia đánh giá nội bộ.");
            reports.submit(last.id(), last.version(), bodies);
            people.signIn("thuky.stp");
            reports.open(justice, year);

            people.signIn("admin");
            int months = 2;
            for (Unit unit : units) {
                boolean applying = unit.type() == UnitType.PROVINCIAL_AGENCY || unit.id().equals(commune)
                        || unit.type() == UnitType.COMMUNE && unit.code().hashCode() % 2 == 0;
                if (applying && !unit.id().equals(justice) && unit.isActive()) {
                    scopes.setAppliedSince(unit.id(), 0, today.minusMonths(months));
                    months = months % 14 + 1;
                }
            }
        });
    }
}
