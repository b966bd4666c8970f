package vn.eiso.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UserId;
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

        view.openUnit(unit);
        Dialog dialog = find(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("UI-1 · " + unit.name());
        assertThat(find(H4.class, dialog).all()).extracting(h -> h.getText())
                .contains("Tài liệu quá hạn xem xét", "Sự không phù hợp quá hạn");
        assertThat(find(Anchor.class, dialog).all()).hasSize(unit.overdue().total() - unit.overdue().reannouncement())
                .allSatisfy(a -> assertThat(a.getHref()).matches("(document|audit|nonconformity)/\\d+|annual-reports"));
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_quality_officer_sees_only_their_own_unit() {
        ConsoleView view = navigate(ConsoleView.class);
        assertThat(view.grid.getListDataView().getItems()).extracting(UnitStanding::code).containsExactly("STP");
    }
}
