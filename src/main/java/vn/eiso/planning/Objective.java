package vn.eiso.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/**
 * A measurable quality objective (ISO 9001 6.2): an indicator, a target to reach (at least or at most), how often
 * it is measured and who answers for it, with the latest measurement when there is one.
 */
public record Objective(ObjectiveId id, UnitId unitId, String title, String indicator, Direction direction,
        BigDecimal target, String measureUnit, Frequency frequency, UserId ownerId, String ownerName, boolean active,
        BigDecimal latest, LocalDate latestOn, int version) {

    public enum Direction {
        AT_LEAST,
        AT_MOST
    }

    public enum Frequency {
        MONTHLY,
        QUARTERLY,
        YEARLY
    }

    /** Whether a value meets the target. */
    public boolean isMet(BigDecimal value) {
        int c = value.compareTo(target);
        return direction == Direction.AT_LEAST ? c >= 0 : c <= 0;
    }

    /** Met by the latest measurement; null when nothing was measured yet. */
    public Boolean latestMet() {
        return latest == null ? null : isMet(latest);
    }
}
