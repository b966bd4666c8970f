package vn.eiso.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.DomainException;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.support.ServiceTest;

/** Inspections as the services enforce them: who may inspect, findings become the unit's nonconformities. */
@Transactional
class InspectionTest extends ServiceTest {

    @Autowired
    Inspections inspections;
    @Autowired
    Nonconformities nonconformities;

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    @Test
    void a_finding_opens_a_nonconformity_of_the_inspected_unit_that_its_quality_officer_then_handles() {
        as("sokhcn");
        Inspection planned = inspections.plan(stp, today.plusDays(3), "Kiểm tra việc áp dụng HTQLCL năm "
                + today.getYear(), "Nguyễn Thị Thu Hà, Bùi Thị Ngọc Ánh");
        assertThat(planned.status()).isEqualTo(Inspection.Status.PLANNED);
        NonconformityId nc = inspections.addFinding(planned.id(),
                "Quy trình QT-06 chưa cập nhật thời hạn theo quyết định công bố TTHC mới", "7.5");

        as("thuky.stp");
        Nonconformity opened = nonconformities.get(nc);
        assertThat(opened.unitId()).isEqualTo(stp);
        assertThat(opened.source()).isEqualTo(Nonconformity.Source.INSPECTION);
        assertThat(opened.clauseCode()).isEqualTo("7.5");
        assertThat(opened.status()).isEqualTo(Nonconformity.Status.REPORTED);
        assertThat(inspections.ofUnit(stp)).singleElement().satisfies(i -> assertThat(i.findings()).isEqualTo(1));
        assertThat(inspections.findings(planned.id())).singleElement()
                .satisfies(f -> assertThat(f.nonconformity()).isEqualTo(nc));

        as("sokhcn");
        Inspection closed = inspections.close(planned.id(), planned.version(), "Đơn vị áp dụng cơ bản đầy đủ");
        assertThat(closed.status()).isEqualTo(Inspection.Status.DONE);
        refused(() -> inspections.addFinding(planned.id(), "Thêm sau khi kết thúc", null), "error.inspection.closed");
        assertThat(inspections.findings(planned.id())).hasSize(1);
    }

    @Test
    void only_the_science_department_inspects_and_a_unit_sees_only_its_own() {
        as("sokhcn");
        Inspection other = inspections.plan(unit("X-TANPHU"), today, "Kiểm tra xã Tân Phú", null);
        as("lanhdao.stp");
        assertThatThrownBy(() -> inspections.plan(stp, today, "Tự kiểm tra", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.findings(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.addFinding(other.id(), "x", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(inspections.ofUnit(stp)).noneMatch(i -> i.id() == other.id());
    }

    @Test
    void bad_input_gets_a_clear_message_and_records_nothing() {
        as("sokhcn");
        int before = inspections.all().size();
        refused(() -> inspections.plan(null, today, "Không có đơn vị", null), "error.inspection.unitRequired");
        refused(() -> inspections.plan(stp, null, "Không có ngày", null), "error.inspection.dateRequired");
        refused(() -> inspections.plan(stp, today, "  ", null), "error.inspection.purposeRequired");
        assertThat(inspections.all()).hasSize(before);

        Inspection planned = inspections.plan(stp, today, "Kiểm tra đột xuất", null);
        int ncs = nonconformities.ofUnit(stp, false).size();
        refused(() -> inspections.addFinding(planned.id(), "", null), "error.inspection.findingRequired");
        refused(() -> inspections.addFinding(planned.id(), "Điều khoản lạ", "99.9"), "error.audit.clauseUnknown");
        refused(() -> inspections.close(planned.id(), planned.version(), " "), "error.inspection.conclusionRequired");
        assertThat(nonconformities.ofUnit(stp, false)).hasSize(ncs);
        assertThat(inspections.findings(planned.id())).isEmpty();
    }
}
