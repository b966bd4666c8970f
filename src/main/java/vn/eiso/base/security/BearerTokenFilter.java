package vn.eiso.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <personal API token>} on the API, beside HTTP Basic. A wrong, expired, revoked or
 * locked-out token is answered 401 at once, never passed on as anonymous; a read-only token's write is 403.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokenVerifier verifier;

    BearerTokenFilter(ApiTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenVerifier.Verified> verified = verifier.verify(header.substring(PREFIX.length()).strip());
        if (verified.isEmpty()) {
            ApiRefusal.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.apiToken.invalid");
            return;
        }
        if (verified.get().readOnly() && ApiRefusal.isWrite(request)) {
            ApiRefusal.send(request, response, HttpServletResponse.SC_FORBIDDEN, "error.apiToken.readOnly");
            return;
        }
        UserDetails user = verified.get().user();
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }
}
