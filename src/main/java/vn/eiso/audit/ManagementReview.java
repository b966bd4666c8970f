package vn.eiso.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.eiso.base.UnitId;

/** A management review meeting (ISO 9001 9.3): inputs, attendees, minutes, outputs; frozen once closed. */
public record ManagementReview(ReviewId id, UnitId unitId, String unitName, LocalDate heldOn, String title,
        String attendees, String minutes, Status status, String closedByName, OffsetDateTime closedAt,
        List<ReviewInput> inputs, List<ReviewAction> actions, int version) {

    public enum Status {
        OPEN,
        CLOSED
    }
}
