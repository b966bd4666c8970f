package vn.eiso.organisation;

import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/** One role of one user in one unit, with names for display. */
public record Membership(long id, UserId userId, String username, String fullName, UnitId unitId, String unitCode,
        String unitName, Role role) {
}
