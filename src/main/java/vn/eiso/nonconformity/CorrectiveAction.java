package vn.eiso.nonconformity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.eiso.base.UserId;

/**
 * One corrective action of a nonconformity: owner, due date, and the evidence it was done. {@code round} is the
 * analysis round it belongs to: a reopening starts a new round and keeps the earlier actions.
 */
public record CorrectiveAction(long id, NonconformityId nonconformityId, String description, UserId ownerId,
        String ownerName, LocalDate dueOn, OffsetDateTime doneAt, String evidence, int round, int version) {

    public boolean isDone() {
        return doneAt != null;
    }

    /** Overdue from the day after its due date, in the agencies' own calendar ({@code today} from their clock). */
    public boolean isOverdue(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }
}
