package vn.eiso.base.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of an authentication made by HTTP Basic on the API (not by the sign-in form), so that the audit
 * trail writes no login line per API call but Basic use once a day. Still web details, so that the sign-in
 * throttle reads the client's address from them as from the form's.
 */
public final class BasicApiCall extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public BasicApiCall(HttpServletRequest request) {
        super(request);
    }
}
