package vn.eiso.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.eiso.base.UserId;

/** An output of a management review: a decision or action with an owner and a due date, tracked until done. */
public record ReviewAction(long id, ReviewId reviewId, String description, UserId ownerId, String ownerName,
        LocalDate dueOn, OffsetDateTime doneAt, int version) {

    public boolean isOverdue(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }
}
