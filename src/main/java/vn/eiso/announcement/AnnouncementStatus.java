package vn.eiso.announcement;

/** Where an announcement stands; only {@link #SUPERSEDED} ones are history, every status is public. */
public enum AnnouncementStatus {
    ANNOUNCED,
    /** The scope changed or the unit was restructured since: the head must announce again. */
    DUE,
    WITHDRAWN,
    SUPERSEDED;

    public boolean isCurrent() {
        return this == ANNOUNCED || this == DUE;
    }
}
