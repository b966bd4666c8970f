package vn.eiso.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.support.ServiceTest;

/** Quality objectives (6.2) and the risk register (6.1): what they accept, refuse and compute. */
class PlanningTest extends ServiceTest {

    @Autowired
    Objectives objectives;
    @Autowired
    Risks risks;
    @Autowired
    Nonconformities nonconformities;



    private Objective objective(UserId owner, Objective.Direction direction, String target) {
        as("thuky.stp");
        return objectives.create(stp, new ObjectiveData("Hồ sơ đúng hạn", "Tỷ lệ đúng hạn", direction,
                new BigDecimal(target), "%", Objective.Frequency.MONTHLY, owner));
    }

    @Test
    void a_measurement_that_is_not_a_number_is_refused_and_nothing_is_stored() {
        UserId owner = as("congchuc.stp").userId();
        Objective objective = objective(owner, Objective.Direction.AT_LEAST, "98");

        for (String bad : new String[] {"abc", "9 8,5%", "98,5,1", "", "1e3", "98.12345"}) {
            assertThatThrownBy(() -> objectives.measure(objective.id(), today, bad, null))
                    .isInstanceOf(DomainException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "error.objective.notNumber");
        }
        assertThatThrownBy(() -> objectives.measure(objective.id(), today.plusDays(1), "99", null))
                .hasFieldOrPropertyWithValue("messageKey", "error.objective.future");
        assertThat(objectives.measurements(objective.id())).isEmpty();

        as("congchuc.stp");
        Objective measured = objectives.measure(objective.id(), today.minusMonths(1), "97,5", "tháng trước");
        assertThat(measured.latest()).isEqualByComparingTo("97.5");
        assertThat(measured.latestMet()).isFalse();
        measured = objectives.measure(objective.id(), today, "98.5", null);
        assertThat(measured.latest()).isEqualByComparingTo("98.5");
        assertThat(measured.latestOn()).isEqualTo(today);
        assertThat(measured.latestMet()).isTrue();
        assertThat(objectives.measurements(objective.id())).extracting(Measurement::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("97.5"), new BigDecimal("98.5"));
    }

    @Test
    void an_upper_limit_is_met_at_or_below_the_target() {
        UserId owner = as("thuky.stp").userId();
        Objective objective = objective(owner, Objective.Direction.AT_MOST, "2");
        assertThat(objectives.measure(objective.id(), today, "2", null).latestMet()).isTrue();
        assertThat(objectives.measure(objective.id(), today, "3", null).latestMet()).isFalse();
    }

    @Test
    void only_the_owner_quality_officer_or_head_measure_and_only_the_officer_or_head_set_objectives() {
        UserId officer = as("thuky.stp").userId();
        Objective objective = objective(officer, Objective.Direction.AT_LEAST, "90");

        as("congchuc.stp");
        assertThatThrownBy(() -> objectives.measure(objective.id(), today, "95", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> objectives.create(stp, new ObjectiveData("x", "y", Objective.Direction.AT_LEAST,
                BigDecimal.ONE, null, Objective.Frequency.YEARLY, officer))).isInstanceOf(AccessDeniedException.class);
        as("thuky.xa");
        assertThatThrownBy(() -> objectives.ofUnit(stp)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_high_risk_needs_actions_the_scale_is_one_to_five_and_a_nonconformity_of_the_unit_can_update_it() {
        UserId officer = as("thuky.stp").userId();
        RiskData high = new RiskData(Risk.Kind.RISK, "Quá tải hồ sơ", "QT-06", 4, 3, " ", officer,
                today.plusMonths(1), Risk.Status.OPEN, null);
        assertThatThrownBy(() -> risks.create(stp, high))
                .hasFieldOrPropertyWithValue("messageKey", "error.risk.actionsRequired");
        assertThatThrownBy(() -> risks.create(stp, new RiskData(Risk.Kind.RISK, "x", null, 6, 1, null, officer,
                today, Risk.Status.OPEN, null))).hasFieldOrPropertyWithValue("messageKey", "error.risk.scale");
        assertThatThrownBy(() -> risks.create(stp, new RiskData(Risk.Kind.RISK, "x", null, 1, 1, null, officer,
                null, Risk.Status.OPEN, null))).hasFieldOrPropertyWithValue("messageKey", "error.risk.reviewRequired");

        Risk risk = risks.create(stp, new RiskData(Risk.Kind.RISK, "Quá tải hồ sơ", "QT-06", 2, 3, null, officer,
                today.plusMonths(1), Risk.Status.OPEN, null));
        assertThat(risk.score()).isEqualTo(6);
        assertThat(risk.isHigh()).isFalse();

        Nonconformity nc = nonconformities.ofUnit(stp, false).getFirst();
        Risk updated = risks.update(risk.id(), risk.version(), new RiskData(Risk.Kind.RISK, "Quá tải hồ sơ", "QT-06",
                4, 4, "Bổ sung nhân lực", officer, today.plusMonths(1), Risk.Status.OPEN, nc.id().value()));
        assertThat(updated.score()).isEqualTo(16);
        assertThat(updated.nonconformityId()).isEqualTo(nc.id().value());
        assertThatThrownBy(() -> risks.update(risk.id(), risk.version(), new RiskData(Risk.Kind.RISK, "x", null, 1,
                1, null, officer, today, Risk.Status.OPEN, null))).hasFieldOrPropertyWithValue("messageKey",
                "error.concurrentEdit");

        as("thuky.xa");
        UnitId tanPhu = unit("X-TANPHU");
        as("thuky.xa");
        assertThatThrownBy(() -> risks.create(tanPhu, new RiskData(Risk.Kind.RISK, "Rủi ro xã", null, 1, 1, null,
                null, today, Risk.Status.OPEN, nc.id().value()))).isInstanceOf(AccessDeniedException.class);
    }
}
