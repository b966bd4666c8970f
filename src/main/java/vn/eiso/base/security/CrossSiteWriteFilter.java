package vn.eiso.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that holds cached HTTP Basic credentials for eISO sends them with any page's request, so another site
 * could make it import into the API. A write carrying Basic credentials is refused (403) when the browser says it
 * comes from another site ({@code Sec-Fetch-Site}) or from another origin ({@code Origin}). Scripts send neither
 * header; a bearer token is never sent by a browser on its own, so token requests pass untouched.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
        if (basic && ApiRefusal.isWrite(request) && crossSite(request)) {
            ApiRefusal.send(request, response, HttpServletResponse.SC_FORBIDDEN, "error.api.crossSite");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            // "cross-site", and also "same-site": a sibling sub-domain is another application.
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    /** The request's own origin as the server sees it (behind a proxy: as forwarded, see server.forward-headers). */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null", sent by sandboxed frames and some redirects
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(scheme, uri.getPort()) == port(request.getScheme(), request.getServerPort());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
