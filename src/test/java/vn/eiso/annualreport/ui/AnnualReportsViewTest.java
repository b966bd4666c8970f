package vn.eiso.annualreport.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.annualreport.AnnualReport;
import vn.eiso.support.UiTest;

/** The quality officer writes the year's report, the head submits it once, the department reads the province. */
@Transactional
class AnnualReportsViewTest extends UiTest {


    private int year() {
        return LocalDate.now(clock).getYear();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_writes_the_report_but_cannot_submit_it() {
        AnnualReportsView view = navigate(AnnualReportsView.class);
        assertThat(view.year.getValue()).isEqualTo(year());
        assertThat(view.bodies).hasSize(5);
        assertThat(view.bodies.getFirst().getValue()).contains("quy trình đang có hiệu lực");
        test(view.bodies.get(3)).setValue("Thiếu máy scan tại Bộ phận một cửa.");
        test(find(Button.class).id("report-save")).click();
        assertThat(notifications()).contains("Đã lưu báo cáo.");
        assertThat(view.bodies.get(3).getValue()).isEqualTo("Thiếu máy scan tại Bộ phận một cửa.");
        assertThat(find(Button.class).all()).noneMatch(b -> "report-submit".equals(b.getId().orElse("")));
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_head_submits_when_every_section_is_written_and_then_it_is_read_only() {
        AnnualReportsView view = navigate(AnnualReportsView.class);
        test(find(Button.class).id("report-submit")).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Mục “2. Tình hình duy trì"));

        view.bodies.forEach(b -> test(b).setValue(b.getValue().isBlank() ? "Nội dung của mục." : b.getValue()));
        test(find(Button.class).id("report-submit")).click();
        test(find(ConfirmDialog.class).all().getLast()).confirm();
        assertThat(notifications()).contains("Đã nộp báo cáo cho Sở Khoa học và Công nghệ.");
        assertThat(view.bodies).allMatch(TextArea::isReadOnly);
        assertThat(find(Button.class).all()).noneMatch(b -> "report-submit".equals(b.getId().orElse("")));
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_department_reads_the_province_and_cannot_open_a_year_twice() {
        AnnualReportsView view = navigate(AnnualReportsView.class);
        test(view.year).selectItem(String.valueOf(year() - 1));
        assertThat(view.provinceGrid.getListDataView().getItems())
                .anyMatch(l -> l.code().equals("STP") && l.status() == AnnualReport.Status.SUBMITTED)
                .anyMatch(l -> l.code().equals("X-TANPHU") && l.status() == null);
        view.openPeriod(null);
        test(find(Button.class).id("period-save")).click();
        assertThat(notifications()).contains("Kỳ báo cáo năm " + year() + " đã có; hãy sửa kỳ đó.");
    }
}
