package vn.eiso.organisation;

import vn.eiso.base.UnitId;

/** A unit as stored; {@code version} is the optimistic-lock counter an edit must present. */
public record Unit(UnitId id, String code, String name, UnitType type, UnitId parentId, UnitStatus status,
        int version) {

    public boolean isActive() {
        return status == UnitStatus.ACTIVE;
    }
}
