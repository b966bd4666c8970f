package vn.eiso.base.security;

import java.util.List;
import vn.eiso.base.UserId;

/**
 * Where the live grants of a user come from. Implemented by the organisation feature; the guard asks it on every
 * check so that a revoked membership takes effect at once, not at the next login.
 */
public interface GrantSource {

    List<Grant> activeGrantsOf(UserId user);
}
