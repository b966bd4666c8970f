package vn.eiso.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.nonconformity.CorrectiveAction;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityWorkflow;

/**
 * The justice department's nonconformities at different steps of the loop: the audit finding analysed with one of
 * its two actions done, and a citizen's complaint waiting for triage.
 */
@Component
class DemoNonconformities {

    private final Nonconformities register;
    private final NonconformityWorkflow workflow;
    private final DemoPeople people;
    private final Clock clock;

    DemoNonconformities(Nonconformities register, NonconformityWorkflow workflow, DemoPeople people, Clock clock) {
        this.register = register;
        this.workflow = workflow;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId unit) {
        people.acting(() -> loadAs(unit));
    }

    private void loadAs(UnitId unit) {
        LocalDate today = LocalDate.now(clock);
        UserId staff = people.signIn("congchuc.stp").userId();
        UserId officer = people.signIn("thuky.stp").userId();
        Nonconformity finding = register.ofUnit(unit, true).stream()
                .filter(n -> n.source() == Nonconformity.Source.INTERNAL_AUDIT).findFirst().orElseThrow();
        finding = workflow.accept(finding.id(), finding.version(), Nonconformity.Severity.MINOR);
        finding = workflow.analyse(finding.id(), finding.version(),
                "Đã gọi điện xin lỗi 03 công dân và hẹn lại ngày trả kết quả; trả đủ trong 02 ngày.",
                "Vì sao trễ hạn? Hồ sơ chờ kết quả xác minh của cơ quan công an. Vì sao không xin lỗi? Công chức "
                        + "không theo dõi hạn trên phần mềm. Vì sao? Phần mềm một cửa không cảnh báo hồ sơ sắp đến "
                        + "hạn và quy trình QT-06 không quy định bước kiểm tra hạn hằng ngày.",
                Nonconformity.CauseCategory.METHOD);
        workflow.addAction(finding.id(), "Sửa QT-06: bổ sung bước kiểm tra hồ sơ đến hạn hằng ngày và mẫu phiếu "
                + "xin lỗi, hẹn lại", officer, today.plusDays(20));
        CorrectiveAction alert = workflow.addAction(finding.id(), "Bật cảnh báo hồ sơ sắp đến hạn trên phần mềm "
                + "một cửa cho Bộ phận tiếp nhận", staff, today.plusDays(7));
        finding = register.get(finding.id());
        workflow.planActions(finding.id(), finding.version());
        people.signIn("congchuc.stp");
        workflow.completeAction(alert.id(), alert.version(), "Đã bật cảnh báo 2 ngày trước hạn; ảnh chụp màn hình "
                + "cấu hình lưu kèm.");

        register.report(new NcReport(unit, Nonconformity.Source.CITIZEN, "Công dân phản ánh qua đường dây nóng: "
                + "phải đi lại 3 lần để bổ sung hồ sơ cấp Phiếu lý lịch tư pháp vì không được hướng dẫn đầy đủ "
                + "một lần.", null, "8.2"), Map.of());
    }
}
