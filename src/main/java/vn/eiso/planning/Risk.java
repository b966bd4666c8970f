package vn.eiso.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/**
 * An entry of the risks and opportunities register (ISO 9001 6.1): likelihood and impact on a 1-5 scale, the
 * actions taken, when to look at it again, and the nonconformity that last updated it, if any.
 */
public record Risk(RiskId id, UnitId unitId, Kind kind, String title, String process, int likelihood, int impact,
        String actions, UserId ownerId, String ownerName, LocalDate reviewOn, Status status, Long nonconformityId,
        OffsetDateTime updatedAt, int version) {

    /** Scores from this level up are high: they need actions and a review within the year. */
    public static final int HIGH = 12;

    public enum Kind {
        RISK,
        OPPORTUNITY
    }

    public enum Status {
        OPEN,
        CLOSED
    }

    public int score() {
        return likelihood * impact;
    }

    public boolean isHigh() {
        return score() >= HIGH;
    }

    public boolean isReviewOverdue(LocalDate today) {
        return status == Status.OPEN && reviewOn.isBefore(today);
    }
}
