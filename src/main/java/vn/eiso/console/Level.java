package vn.eiso.console;

import vn.eiso.organisation.UnitType;

/** The tier of local government since the 2025 reform: the province's own bodies, or communes and wards. */
public enum Level {
    PROVINCIAL,
    COMMUNE;

    public static Level of(UnitType type) {
        return type == UnitType.COMMUNE ? COMMUNE : PROVINCIAL;
    }
}
