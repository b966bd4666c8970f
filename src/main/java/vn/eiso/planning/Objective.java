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
        BigDecimal latest, LocalDate latestOn, int version, OneStopBinding binding) {

    /**
     * An objective measured by the one-stop figures: the on-time rate of the unit's dossiers, of one field of the
     * TTHC catalogue or ({@code field} null) of all; its measurements are filled from the figures, not typed.
     */
    public record OneStopBinding(String field) {
    }

    public boolean isBound() {
        return binding != null;
    }

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
