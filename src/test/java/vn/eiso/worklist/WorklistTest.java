package vn.eiso.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.inspection.Inspections;
import vn.eiso.support.ServiceTest;
import vn.eiso.worklist.WorkItem.Kind;

/** Each role finds what waits for it, overdue first, and a morning notice counts what is overdue. */
@Transactional
class WorklistTest extends ServiceTest {

    @Autowired
    Worklist worklist;
    @Autowired
    OverdueDigest digest;
    @Autowired
    Inspections inspections;
    @Autowired
    DSLContext dsl;

    private static List<WorkItem> of(List<WorkItem> items, Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void officers_see_the_reports_their_units_owe_overdue_first_and_staff_do_not() {
        int year = today.getYear();
        as("thuky.xa");
        List<WorkItem> commune = worklist.mine();
        assertThat(of(commune, Kind.ANNUAL_REPORT)).filteredOn(i -> i.text().equals("Ủy ban nhân dân xã Tân Phú"))
                .extracting(WorkItem::label, WorkItem::overdue)
                .containsExactly(tuple(String.valueOf(year), true));
        assertThat(commune.getFirst().overdue()).isTrue();
        assertThat(commune.stream().dropWhile(WorkItem::overdue)).noneMatch(WorkItem::overdue);

        as("lanhdao.stp");
        assertThat(of(worklist.mine(), Kind.ANNUAL_REPORT)).extracting(WorkItem::label)
                .containsExactly(String.valueOf(year));
        as("congchuc.stp");
        assertThat(of(worklist.mine(), Kind.ANNUAL_REPORT)).isEmpty();
    }

    @Test
    void the_department_sees_its_planned_inspections_and_a_missed_one_is_overdue() {
        as("sokhcn");
        assertThat(of(worklist.mine(), Kind.INSPECTION)).anyMatch(i -> i.label().equals("Ủy ban nhân dân xã Tân Phú")
                && !i.overdue());
        inspections.plan(unit("STP"), today.minusDays(2), "Kiểm tra đột xuất", null);
        assertThat(of(worklist.mine(), Kind.INSPECTION)).anyMatch(i -> i.label().equals("Sở Tư pháp") && i.overdue());
    }

    @Test
    void the_morning_digest_tells_exactly_the_users_with_overdue_work_how_much() {
        as("thuky.xa");
        long communeOverdue = worklist.mine().stream().filter(WorkItem::overdue).count();
        as("danhgia");
        long auditorOverdue = worklist.mine().stream().filter(WorkItem::overdue).count();
        assertThat(communeOverdue).isPositive();
        assertThat(auditorOverdue).isZero();

        digest.postNow();
        assertThat(dsl.fetch("select n.params from notification n join app_user u on u.id = n.recipient_id"
                + " where n.message_key = 'notice.overdueDigest' and u.username = 'thuky.xa'").getValues(0,
                String.class)).containsExactly(String.valueOf(communeOverdue));
        assertThat(dsl.fetchValue("select count(*) from notification n join app_user u on u.id = n.recipient_id"
                + " where n.message_key = 'notice.overdueDigest' and u.username = 'danhgia'")).isEqualTo(0L);
    }
}
