package vn.eiso.base.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Vaadin's own configurer owns the login flow (Spring's formLogin beside it loops redirects) and checks the
 * {@code @RolesAllowed} of views. Services check role and unit through {@link AccessGuard}; Spring method security
 * stays off, since its proxies would wrap the annotated Vaadin views.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /** Where the login view lives; a constant so that the security filter and the view agree. */
    static final String LOGIN_PATH = "login";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    /** No role prefix of Vaadin's own: roles are checked with Spring Security's default one. */
    @Bean
    VaadinRolePrefixHolder vaadinRolePrefixHolder() {
        return new VaadinRolePrefixHolder(null);
    }

    /**
     * Health and metrics: served only on the management port, which is bound to this machine (or to the address
     * an operator chose for the monitoring network), so they need no sign-in; nothing else is reachable there.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The HTTP API: HTTP Basic or a personal API token as a bearer token, no session, no CSRF token (no cookie
     * to forge a request with); a browser's cached Basic credentials cannot write from another site.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenVerifier tokens) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequired(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new ThrottledAnswer())
                        .authenticationDetailsSource(BasicApiCall::new))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionGenerations generations,
            ObjectProvider<SsoLogin> sso) throws Exception {
        SecurityHeaders.apply(http);
        // Right after the session's sign-in is loaded: a session that outlived a change of rights goes no further.
        http.addFilterAfter(new SessionCutoffFilter(generations, LOGIN_PATH), SecurityContextHolderFilter.class);
        // /public/** serves the conformity announcements' decisions to anyone (the public register).
        // /error must stay reachable, or an API refusal (401, 403) becomes a redirect to the login page.
        http.authorizeHttpRequests(c -> c.requestMatchers("/themes/**", "/icons/**", "/images/**", "/error",
                        "/public/**")
                .permitAll()
                // Stored files (document revisions, filed records): any signed-in user may ask; the download
                // controller asks the service, which answers "not found" to whoever may not read the file.
                // Without this rule Vaadin's configurer denies every non-route address, even to a signed-in user.
                .requestMatchers(HttpMethod.GET, "/files/**").authenticated());
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView("/" + LOGIN_PATH, "/"));
        // The browser forgets the session it signed out of: the login page would otherwise take it for one lost.
        http.logout(l -> l.deleteCookies("JSESSIONID"));
        // Vaadin's configurer sets the login page and the success handler of the same form login; a failure goes
        // back to it as before ("?error", one message for every failure), keeping the name typed in the session.
        http.formLogin(f -> f.failureHandler(new AttemptedName("/" + LOGIN_PATH + "?error")));
        // The province's single sign-on, when configured: a second way in on the same login view (ADR 18).
        SsoLogin signOn = sso.getIfAvailable();
        if (signOn != null) {
            signOn.configure(http, "/" + LOGIN_PATH);
        }
        return http.build();
    }
}
