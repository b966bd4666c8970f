package vn.eiso.base.security;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;

/** Resolves a personal API token to its (still usable) account; implemented where accounts live. */
public interface ApiTokenVerifier {

    Optional<UserDetails> verify(String token);
}
