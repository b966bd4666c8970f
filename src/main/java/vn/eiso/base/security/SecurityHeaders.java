package vn.eiso.base.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every filter chain sends (ADR 0019): screens, files, the public register, the API and the
 * management port alike, so that no address is the one left without them. Kept apart from the chains themselves
 * so that each chain's own rules (sign-in, tokens, single sign-on) change without touching these.
 */
final class SecurityHeaders {

    /**
     * What Vaadin Flow needs and nothing more: its bootstrap page starts the client engine with an inline script,
     * and the engine builds functions from the JavaScript the server sends ({@code executeJs}, event data), hence
     * {@code 'unsafe-inline' 'unsafe-eval'} for scripts and inline styles for the web components. Everything is
     * served from the application's own origin; images may be data or blob addresses (icons, previews); nothing
     * may frame the application, and no plugin, base address or form target elsewhere is allowed.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Powerful browser features eISO never uses, switched off for the page and anything it might embed. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /**
     * Adds the headers to a chain. Spring Security's defaults stay on (no caching of authenticated pages, HSTS on
     * secure requests, {@code X-Content-Type-Options: nosniff}); the frame denial is stated rather than assumed.
     */
    static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
    }
}
