package vn.eiso.organisation;

import vn.eiso.base.UserId;

/** A user account as the administrator sees it; the password hash never leaves the repository. */
public record UserAccount(UserId id, String username, String fullName, String email, boolean enabled,
        String locale, boolean mustChangePassword, int version) {
}
