package vn.eiso.organisation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.SignInThrottledException;

/**
 * The one way a password signs in, for the login form and HTTP Basic alike: Spring Boot wires this single provider
 * bean into the global authentication manager that both use. The attempt is counted by the {@link SignInThrottle}
 * before the password is checked.
 *
 * <p>Every attempt that gets past the throttle costs one bcrypt comparison, whether the name exists, is disabled
 * or has the right password: Spring's provider compares against a dummy hash for an unknown name, and the check
 * of the enabled flag is moved after the password check here. So the time of the answer tells nothing.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    /** The address of an attempt made outside an HTTP request (none in the application; tests). */
    static final String NO_ADDRESS = "-";
    private static final int MAX_ADDRESS = 64;

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditTrail trail;

    ThrottledSignIn(UserDetailsService userDetails, PasswordEncoder passwordEncoder, SignInThrottle throttle,
            AuditTrail trail) {
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        this.throttle = throttle;
        this.trail = trail;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName());
        String address = address(authentication);
        try {
            throttle.admit(username, address);
        } catch (SignInThrottledException e) {
            String name = SignInThrottle.normalise(username);
            trail.recordAs(name.isEmpty() ? "?" : name, "THROTTLED", UserService.TARGET, null, null,
                    address + " · " + e.retryAfterSeconds() + " s");
            throw e;
        }
        Authentication result = passwords.authenticate(authentication);
        throttle.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address; behind a proxy the server's forwarded-header handling has already put it in place. */
    private static String address(Authentication authentication) {
        String address = null;
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            address = details.getRemoteAddress();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            address = request.getRemoteAddr();
        }
        if (address == null || address.isBlank()) {
            return NO_ADDRESS;
        }
        return address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
    }
}
