package vn.eiso.base.security;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;

/** Resolves a personal API token to its (still usable) account; implemented where accounts live. */
public interface ApiTokenVerifier {

    /** An unexpired token of a usable account, or nothing; a use is recorded. */
    Optional<Verified> verify(String token);

    /** The token's owner, and whether the token may only read (GET, HEAD, OPTIONS) or also write (import). */
    record Verified(UserDetails user, boolean readOnly) {
    }
}
