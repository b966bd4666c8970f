package vn.eiso.worklist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.support.UiTest;
import vn.eiso.worklist.WorkItem;

/** The commune's quality officer opens their work and narrows it to what is overdue. */
class WorklistViewTest extends UiTest {

    @Test
    @WithUserDetails("thuky.xa")
    void the_worklist_narrows_to_overdue_work() {
        WorklistView view = navigate(WorklistView.class);
        long all = view.grid.getListDataView().getItems().count();
        test(view.overdueOnly).click();
        assertThat(view.grid.getListDataView().getItems()).isNotEmpty().allMatch(WorkItem::overdue)
                .anyMatch(i -> i.kind() == WorkItem.Kind.ANNUAL_REPORT && i.link().equals("annual-reports"));
        assertThat(view.grid.getListDataView().getItems().count()).isLessThan(all);
    }
}
