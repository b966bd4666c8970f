package vn.eiso.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UserId;
import vn.eiso.console.OverdueItem;
import vn.eiso.console.UnitStanding;
import vn.eiso.organisation.UnitType;
import vn.eiso.support.GeneratedProvince;
import vn.eiso.support.UiTest;

/** The department reads the province's headline, narrows the units down, and drills into one to its overdue items. */
@Transactional
class ConsoleViewTest extends UiTest {

    @Autowired
    DSLContext dsl;

    private long count(String sql) {
        return ((Number) dsl.fetchValue(sql)).longValue();
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_department_filters_the_province_and_drills_into_a_unit() {
        UserId admin = new UserId(count("select id from app_user where username = 'admin'"));
        new GeneratedProvince(dsl, admin, LocalDate.now(clock), clock.getZone()).generate("UI", unit("HOAAN"), 6, 30, 12);
        ConsoleView view = navigate(ConsoleView.class);

        String headline = test(view.headline.getChildren().filter(Span.class::isInstance).map(Span.class::cast)
                .findFirst().orElseThrow()).getText();
        long communes = count("select count(*) from unit where status = 'ACTIVE' and unit_type = 'COMMUNE'");
        long announced = count("select count(distinct a.unit_id) from announcement a join unit u on u.id = a.unit_id"
                + " where u.status = 'ACTIVE' and a.status in ('ANNOUNCED', 'DUE')");
        assertThat(headline).contains(communes + " xã, phường").endsWith(": " + announced + " đã công bố");

        test(view.type).selectItem("Xã, phường");
        assertThat(view.grid.getListDataView().getItems()).hasSize((int) communes)
                .allMatch(u -> u.type() == UnitType.COMMUNE);
        view.type.clear();
        test(view.level).selectItem("Cấp xã");
        assertThat(view.grid.getListDataView().getItems()).hasSize((int) communes);
        view.level.clear();
        test(view.text).setValue("ui-1");
        UnitStanding unit = view.grid.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(unit.code()).isEqualTo("UI-1");
        test(view.overdueOnly).click();
        assertThat(view.grid.getListDataView().getItems()).allMatch(u -> u.overdue().total() > 0);
        view.text.clear();
        view.overdue.setValue(Set.of(OverdueItem.Kind.NO_RECENT_AUDIT));
        assertThat(view.grid.getListDataView().getItems()).isNotEmpty()
                .allMatch(u -> u.overdue().noRecentAudit() == 1);
        view.overdue.setValue(Set.of(OverdueItem.Kind.DOCUMENT_REVIEW));
        assertThat(view.grid.getListDataView().getItems()).isNotEmpty()
                .allMatch(u -> u.overdue().documentReviews() > 0);
        view.overdue.clear();

        view.openUnit(unit);
        Dialog dialog = find(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("UI-1 · " + unit.name());
        assertThat(find(H4.class, dialog).all()).extracting(h -> h.getText())
                .contains("Tài liệu quá hạn xem xét", "Sự không phù hợp quá hạn");
        List<Button> links = find(Button.class, dialog).all().stream()
                .filter(b -> b.hasClassName("item-link")).toList();
        assertThat(links).hasSize(unit.overdue().total() - unit.overdue().reannouncement()
                - unit.overdue().noRecentAudit());
        test(links.getFirst()).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(getCurrentView()).isNotInstanceOf(ConsoleView.class);
    }

    @Test
    @WithUserDetails("sokhcn")
    void an_overdue_report_in_the_drill_down_opens_that_unit_in_the_province_list() {
        ConsoleView view = navigate(ConsoleView.class);
        UnitStanding commune = view.overview().units().stream().filter(u -> u.code().equals("X-TANPHU"))
                .findFirst().orElseThrow();
        view.openUnit(commune);
        Dialog dialog = find(Dialog.class).single();
        Button report = find(Button.class, dialog).all().stream().filter(b -> b.hasClassName("item-link"))
                .filter(b -> b.getText().equals(String.valueOf(LocalDate.now(clock).getYear()))).findFirst()
                .orElseThrow();
        test(report).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AnnualReportsView");
        assertThat(find(Paragraph.class).id("report-focus").getElement().getTextRecursively())
                .startsWith("Báo cáo năm " + LocalDate.now(clock).getYear() + " của Ủy ban nhân dân xã Tân Phú:")
                .contains("Quá hạn nộp");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_quality_officer_sees_only_their_own_unit() {
        ConsoleView view = navigate(ConsoleView.class);
        assertThat(view.grid.getListDataView().getItems()).extracting(UnitStanding::code).containsExactly("STP");

        view.openUnit(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        String facts = find(Dialog.class).single().getElement().getTextRecursively();
        assertThat(facts).containsPattern("TTHC có quy trình đang hiệu lực \\(theo danh mục TTHC\\): 1/\\d+")
                .containsPattern("giải quyết đúng hạn trong 12 tháng \\(một cửa\\): \\d+[.,]\\d %");
    }
}
