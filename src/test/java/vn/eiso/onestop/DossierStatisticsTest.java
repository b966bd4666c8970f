package vn.eiso.onestop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.DomainException;
import vn.eiso.planning.Objective;
import vn.eiso.planning.ObjectiveData;
import vn.eiso.planning.Objectives;
import vn.eiso.support.ServiceTest;

/** One-stop figures: the demo's year, pushes that can be repeated, files with bad lines, and who may send them. */
@Transactional
class DossierStatisticsTest extends ServiceTest {

    @Autowired
    DossierStatistics statistics;
    @Autowired
    Objectives objectives;

    @Test
    void the_demo_year_marks_the_justice_departments_month_with_too_many_late_dossiers() {
        as("thuky.stp");
        List<MonthFigures> months = statistics.monthly(stp);
        assertThat(months).hasSize(12);
        assertThat(months.getLast().month()).isEqualTo(YearMonth.now(clock).minusMonths(1));
        assertThat(months).filteredOn(MonthFigures::tooManyLate).singleElement()
                .satisfies(m -> assertThat(m.month()).isEqualTo(YearMonth.now(clock).minusMonths(4)))
                .satisfies(m -> assertThat(m.onTimeRate()).isLessThan(95.0));
        as("thuky.xa");
        assertThat(statistics.monthly(unit("X-TANPHU"))).hasSize(12).noneMatch(MonthFigures::tooManyLate);
        assertThatThrownBy(() -> statistics.monthly(stp)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_repeated_push_replaces_the_month_and_a_push_with_a_bad_item_stores_nothing() {
        as("thuky.stp");
        String month = YearMonth.now(clock).minusMonths(1).toString();
        int before = lastMonth().received();
        var first = new DossierStatistics.Item("1.001037", month, 10, 8, 2, 0, 0);
        assertThat(statistics.push(stp, List.of(first)).stored()).isEqualTo(1);
        assertThat(statistics.push(stp, List.of(new DossierStatistics.Item("1.001037.000.00.00.H12", month, 12, 10,
                2, 0, 0))).stored()).isEqualTo(1);
        assertThat(lastMonth().received()).as("replaced, not added").isEqualTo(before + 12);

        String future = YearMonth.now(clock).plusMonths(1).toString();
        DossierStatistics.Result refused = statistics.push(stp, List.of(
                new DossierStatistics.Item("1.001111", month, 5, 5, 0, 0, 0),
                new DossierStatistics.Item("1.001111", future, 5, 5, 0, 0, 0),
                new DossierStatistics.Item("9.999999", month, 5, 5, 0, 0, 0),
                new DossierStatistics.Item("1.001148", month, 5, -1, 0, 0, 0),
                new DossierStatistics.Item("1.001148", "13/2026", 5, 5, 0, 0, 0),
                new DossierStatistics.Item("1.001148", month, null, 5, 0, 0, 0)));
        assertThat(refused.stored()).isZero();
        assertThat(refused.errors()).extracting(DossierStatistics.LineError::line,
                DossierStatistics.LineError::messageKey).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "error.dossier.future"),
                        org.assertj.core.groups.Tuple.tuple(3, "error.dossier.tthc"),
                        org.assertj.core.groups.Tuple.tuple(4, "error.dossier.negative"),
                        org.assertj.core.groups.Tuple.tuple(5, "error.dossier.month"),
                        org.assertj.core.groups.Tuple.tuple(6, "error.dossier.count"));
        assertThat(lastMonth().received()).as("the good first item was not stored either").isEqualTo(before + 12);

        as("thuky.xa");
        assertThatThrownBy(() -> statistics.push(stp, List.of(first))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_science_department_imports_the_export_all_lines_or_none() {
        String month = YearMonth.now(clock).minusMonths(2).toString();
        String header = "Mã đơn vị,Mã thủ tục,Tháng,Tiếp nhận,Đúng hạn,Quá hạn,Đang giải quyết,Trả lại\n";
        byte[] bad = (header + "STP,1.001037," + month + ",10,9,1,0,0\n" + "STP,1.001037," + month + ",10,9,1,0,0\n"
                + "KHONGCO,1.001037," + month + ",1,1,0,0,0\n").getBytes(StandardCharsets.UTF_8);
        as("thuky.stp");
        assertThatThrownBy(() -> statistics.importFile("mot-cua.csv", bad)).isInstanceOf(AccessDeniedException.class);

        as("sokhcn");
        DossierStatistics.Result refused = statistics.importFile("mot-cua.csv", bad);
        assertThat(refused.stored()).isZero();
        assertThat(refused.errors()).extracting(DossierStatistics.LineError::line,
                DossierStatistics.LineError::messageKey).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "error.dossier.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(4, "error.dossier.unit"));
        assertThatThrownBy(() -> statistics.importFile("thieu.csv", "Mã đơn vị,Tháng\nSTP,1/2026"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.sheet.missingColumn");

        int before = statistics.monthly(stp).stream().filter(m -> m.month().toString().equals(month)).findFirst()
                .orElseThrow().received();
        DossierStatistics.Result stored = statistics.importFile("mot-cua.csv", (header + "STP,1.001037,"
                + month.substring(5) + "/" + month.substring(0, 4) + ",10,9,1,0,0\n").getBytes(StandardCharsets.UTF_8));
        assertThat(stored.stored()).isEqualTo(1);
        assertThat(statistics.monthly(stp).stream().filter(m -> m.month().toString().equals(month)).findFirst()
                .orElseThrow().received()).isEqualTo(before + 10);
    }

    @Test
    void an_objective_bound_to_the_figures_is_measured_by_them_and_follows_a_new_push() {
        as("thuky.stp");
        Objective objective = objectives.create(stp, new ObjectiveData("Giải quyết đúng hạn hồ sơ lý lịch tư pháp",
                "Tỷ lệ hồ sơ giải quyết đúng hạn", Objective.Direction.AT_LEAST, new BigDecimal("98"), "%",
                Objective.Frequency.MONTHLY, as("thuky.stp").userId()));

        Objective bound = objectives.bindToOneStop(objective.id(), true, "Lý lịch tư pháp");

        List<MonthFigures> months = statistics.monthly(stp, "Lý lịch tư pháp");
        assertThat(objectives.measurements(objective.id())).hasSize(months.size())
                .first().satisfies(m -> {
                    assertThat(m.measuredOn()).isEqualTo(months.getFirst().month().atEndOfMonth());
                    assertThat(m.value()).isEqualByComparingTo(BigDecimal.valueOf(months.getFirst().onTimeRate()));
                    assertThat(m.note()).startsWith("Số liệu một cửa: " + months.getFirst().onTime() + "/");
                });
        assertThat(bound.latestOn()).isEqualTo(YearMonth.now(clock).minusMonths(1).atEndOfMonth());
        assertThatThrownBy(() -> objectives.measure(objective.id(), today, "99", null))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "error.objective.bound");

        String month = YearMonth.now(clock).toString();
        statistics.push(stp, List.of(new DossierStatistics.Item("1.001233", month, 10, 5, 5, 0, 0)));
        assertThat(objectives.get(objective.id()).latest()).as("this month's push, 5 of 10 on time")
                .isEqualByComparingTo("50.0");

        objectives.bindToOneStop(objective.id(), false, null);
        assertThat(objectives.measurements(objective.id())).isEmpty();
        objectives.measure(objective.id(), today, "97,5", null);
        assertThat(objectives.measurements(objective.id())).hasSize(1);
    }

    private MonthFigures lastMonth() {
        return statistics.monthly(stp).getLast();
    }
}
