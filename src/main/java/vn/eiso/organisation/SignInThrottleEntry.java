package vn.eiso.organisation;

import java.time.OffsetDateTime;

/**
 * A throttled sign-in key as the administrator sees it: a user name tried from one address, or an address as a
 * whole (then without user name).
 */
public record SignInThrottleEntry(String key, Kind kind, String username, String address, int failures,
        OffsetDateTime blockedUntil, OffsetDateTime lastFailureAt) {

    public enum Kind {
        /** One user name from one client address. */
        ACCOUNT,
        /** One client address, whatever the user names. */
        ADDRESS
    }
}
