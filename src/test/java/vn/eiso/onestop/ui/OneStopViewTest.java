package vn.eiso.onestop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.onestop.MonthFigures;
import vn.eiso.support.UiTest;

class OneStopViewTest extends UiTest {

    @Autowired
    Nonconformities nonconformities;

    @Test
    @WithUserDetails("thuky.stp")
    void the_officer_sees_the_year_and_records_a_nonconformity_for_the_month_with_too_many_late_dossiers() {
        CurrentUnit.set(unit("STP"));
        OneStopView view = navigate(OneStopView.class);
        assertThat(view.grid.getGenericDataView().getItems()).hasSize(12);
        MonthFigures bad = view.grid.getGenericDataView().getItems().filter(MonthFigures::tooManyLate).findFirst()
                .orElseThrow();
        String month = DateTimeFormatter.ofPattern("MM/yyyy").format(bad.month());
        assertThat(bad.month()).isEqualTo(YearMonth.now(clock).minusMonths(4));
        int before = nonconformities.ofUnit(unit("STP"), true).size();

        int row = view.grid.getGenericDataView().getItems().toList().indexOf(bad);
        Button record = (Button) test(view.grid).getCellComponent(row, 7);
        assertThat(record.getText()).isEqualTo("Ghi nhận sự không phù hợp");
        test(record).click();

        assertThat(notifications()).anyMatch(n -> n.startsWith("Đã ghi nhận sự không phù hợp NC-"));
        var recorded = nonconformities.ofUnit(unit("STP"), true);
        assertThat(recorded).hasSize(before + 1).anySatisfy(nc -> {
            assertThat(nc.source()).isEqualTo(Nonconformity.Source.PROCESS_MONITORING);
            assertThat(nc.description()).startsWith("Tháng " + month + ":").contains("vượt ngưỡng 5 %");
        });
    }

    @Test
    @WithUserDetails("sokhcn")
    void a_file_with_bad_lines_is_refused_with_the_lines_named() {
        CurrentUnit.set(unit("STP"));
        OneStopView view = navigate(OneStopView.class);
        view.importFile("mot-cua.csv", ("Mã đơn vị,Mã thủ tục,Tháng,Tiếp nhận,Đúng hạn,Quá hạn,Đang giải quyết,"
                + "Trả lại\n"
                + "STP,1.001037,01/2020,10,-1,0,0,0\n").getBytes(StandardCharsets.UTF_8));
        assertThat(notifications()).anyMatch(n -> n.equals("Tệp có 1 dòng lỗi, không nhập dòng nào: Dòng 2: "
                + "Số hồ sơ không được âm"));
    }
}
