package vn.eiso.organisation;

import vn.eiso.base.UnitId;

/** What a user enters for a unit; {@code parentId} null makes a top-level unit. */
public record UnitData(String code, String name, UnitType type, UnitId parentId) {
}
