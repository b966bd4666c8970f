package vn.eiso.organisation;

import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/** One restructuring step as the units screen shows it: who handed how many items to whom, when. */
public record Lineage(UnitRestructured.Kind kind, UnitId predecessor, String predecessorName, UnitId successor,
        String successorName, OffsetDateTime occurredAt, String actor, int movedItems) {
}
