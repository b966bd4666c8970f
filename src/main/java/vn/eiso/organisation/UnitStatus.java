package vn.eiso.organisation;

/** Archived units stay readable with their history; they cannot receive new members. */
public enum UnitStatus {
    ACTIVE,
    ARCHIVED
}
