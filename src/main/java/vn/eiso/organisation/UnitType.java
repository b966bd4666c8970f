package vn.eiso.organisation;

/** Kinds of unit after the 2025 two-tier reform (province and commune level), in the order lists show them. */
public enum UnitType {
    PROVINCE,
    SCIENCE_DEPARTMENT,
    PROVINCIAL_AGENCY,
    PUBLIC_SERVICE_UNIT,
    COMMUNE
}
