package vn.eiso.base.security;

import vn.eiso.base.Role;
import vn.eiso.base.UnitId;

/** One role a user holds in one unit, with the unit's code and name for display. */
public record Grant(UnitId unitId, String unitCode, String unitName, Role role) {
}
