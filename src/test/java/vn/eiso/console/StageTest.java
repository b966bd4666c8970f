package vn.eiso.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The stage rules at their edges: the day of application, an audit and a review on the same day. */
class StageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static Stage stage(LocalDate applied, LocalDate audit, LocalDate review, LocalDate announced) {
        return Stage.of(new StageFacts(applied, audit, review, announced), TODAY);
    }

    @Test
    void a_unit_applies_from_its_declared_date_on_not_before() {
        assertThat(stage(null, null, null, null)).isEqualTo(Stage.BUILDING);
        assertThat(stage(TODAY.plusDays(1), null, null, null)).isEqualTo(Stage.BUILDING);
        assertThat(stage(TODAY, null, null, null)).isEqualTo(Stage.APPLYING);
    }

    @Test
    void only_an_audit_and_a_review_since_applying_move_the_unit_on_and_a_new_audit_does_not_send_it_back() {
        LocalDate applied = TODAY.minusMonths(6);
        assertThat(stage(applied, applied.minusDays(1), null, null)).isEqualTo(Stage.APPLYING);
        assertThat(stage(applied, applied, null, null)).isEqualTo(Stage.AUDITED);
        assertThat(stage(applied, TODAY.minusDays(10), applied.minusDays(1), null)).isEqualTo(Stage.AUDITED);
        assertThat(stage(applied, TODAY.minusDays(10), applied, null)).isEqualTo(Stage.REVIEWED);
        assertThat(stage(applied, TODAY.minusDays(1), TODAY.minusDays(30), null)).isEqualTo(Stage.REVIEWED);
    }

    @Test
    void announced_units_are_maintaining_once_audited_and_reviewed_again_after_the_decision() {
        LocalDate decided = TODAY.minusMonths(8);
        assertThat(stage(null, null, null, decided)).isEqualTo(Stage.ANNOUNCED);
        assertThat(stage(TODAY.minusYears(2), decided, decided, decided)).isEqualTo(Stage.ANNOUNCED);
        assertThat(stage(TODAY.minusYears(2), decided.plusDays(1), decided, decided)).isEqualTo(Stage.ANNOUNCED);
        assertThat(stage(TODAY.minusYears(2), decided.plusDays(1), decided.plusDays(1), decided))
                .isEqualTo(Stage.MAINTAINING);
        assertThat(stage(TODAY.minusYears(2), TODAY, decided.plusDays(1), decided)).isEqualTo(Stage.MAINTAINING);
        assertThat(Stage.MAINTAINING.isAnnounced()).isTrue();
        assertThat(Stage.REVIEWED.isAnnounced()).isFalse();
    }
}
