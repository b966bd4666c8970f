package vn.eiso.base.security;

import java.util.OptionalInt;
import vn.eiso.base.UserId;

/**
 * Where an account's current session generation comes from; implemented where accounts live. Asked on every
 * screen request, from the database, so that a change made on one node ends the sessions held on every other.
 */
public interface SessionGenerations {

    /** The account's current generation, or empty when it is disabled or gone: no session of it may go on. */
    OptionalInt currentOf(UserId user);
}
