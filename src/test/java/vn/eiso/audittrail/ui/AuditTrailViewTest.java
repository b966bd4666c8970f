package vn.eiso.audittrail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.audittrail.AuditEntry;
import vn.eiso.support.UiTest;

class AuditTrailViewTest extends UiTest {

    private List<AuditEntry> rows(AuditTrailView view) {
        return view.grid.getDataProvider().fetch(new Query<>(0, 500, List.of(), null, null)).toList();
    }

    @Test
    @WithUserDetails("admin")
    void filters_narrow_the_trail_to_one_actor_and_action() {
        AuditTrailView view = navigate(AuditTrailView.class);
        assertThat(rows(view)).isNotEmpty();

        test(view.actor).setValue("system");
        test(view.action).selectItem("Tạo người dùng");

        assertThat(rows(view)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.action()).isEqualTo("USER_CREATED");
        });
    }

    @Test
    @WithUserDetails("admin")
    void dates_in_the_wrong_order_are_flagged_and_do_not_empty_the_list() {
        AuditTrailView view = navigate(AuditTrailView.class);
        view.from.setValue(LocalDate.of(2026, 3, 10));
        view.to.setValue(LocalDate.of(2026, 3, 1));

        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc");
    }
}
