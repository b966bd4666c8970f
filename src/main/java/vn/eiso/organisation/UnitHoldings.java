package vn.eiso.organisation;

import java.util.Collection;
import java.util.List;
import vn.eiso.base.UnitId;

/**
 * What a feature keeps under a unit, so that merging or splitting units moves it without this package knowing
 * the feature's tables. Implementations run inside the restructuring transaction, move an item's children with
 * it (a document's revisions and records, a nonconformity's actions) and never check permissions: the
 * restructuring service has.
 */
public interface UnitHoldings {

    /** The key of this kind of item: its audit-trail target type, so a moved item's trail line re-indexes it. */
    String kind();

    /** The unit's items of this kind, for choosing where each goes in a split. */
    List<Holding> of(UnitId unit);

    /** Moves these items of {@code from} to {@code to}; ids {@code from} does not hold are left alone. */
    List<Moved> move(UnitId from, UnitId to, Collection<Long> ids);

    /** Moves every item of {@code from} to {@code to}. */
    List<Moved> moveAll(UnitId from, UnitId to);

    /** One item as the split dialog lists it. */
    record Holding(String kind, long id, String label) {
    }

    /**
     * One moved row under its audit-trail target type (a document's records move with it and are re-indexed
     * as records); {@code note} says what changed beyond the unit, such as a code renamed to stay unique.
     */
    record Moved(String targetType, long id, String note) {

        public Moved(String targetType, long id) {
            this(targetType, id, null);
        }
    }
}
