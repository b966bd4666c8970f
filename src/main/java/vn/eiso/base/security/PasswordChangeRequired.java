package vn.eiso.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an administrator's reset the API serves nothing until the user has chosen a new password on the screens:
 * the administrator knows the reset one, so it must not open the user's data to a script.
 */
final class PasswordChangeRequired extends OncePerRequestFilter {

    static final String ERROR_KEY = "error.password.changeRequired";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EisoPrincipal principal && principal.mustChangePassword()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"" + ERROR_KEY + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
