package vn.eiso.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server on a port of its own, at
 * {@code localhost} (eISO is then reached at 127.0.0.1, so the two sites keep their cookies apart), with one
 * confidential client, consent off, and users whose {@code preferred_username} is their login name. Its issuer is
 * resolved from each request, so the random port needs no configuration.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "eiso";
    public static final String CLIENT_SECRET = "bi-mat-cua-ung-dung";
    /** The password of every user of this provider: not an eISO password. */
    public static final String PASSWORD = "mat-khau-tai-cong-mot-cua";

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final Clients clients = new Clients();

    private IdentityProvider(String... usernames) {
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(TomcatServletWebServerFactory.class, () -> {
            TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
            // No application servlet here, only the security filters: Tomcat runs filters only for a mapped servlet.
            tomcat.setRegisterDefaultServlet(true);
            return tomcat;
        });
        context.registerBean(RegisteredClientRepository.class, () -> clients);
        context.registerBean(SecurityContextHolderStrategy.class, CurrentStrategy::new);
        context.registerBean(UserDetailsService.class, () -> new InMemoryUserDetailsManager(Arrays.stream(usernames)
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList()));
        context.register(Server.class);
        context.refresh();
    }

    /** Starts the provider with these users. */
    public static IdentityProvider start(String... usernames) {
        return new IdentityProvider(usernames);
    }

    public String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** Registers eISO as the client, with its redirect address (known once eISO's random port is). */
    public void allowRedirect(String redirectUri) {
        clients.client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The provider starts before eISO, which then installs Vaadin's strategy JVM-wide; the provider's filters and
     * its endpoints (which read {@link SecurityContextHolder}) must keep using one and the same strategy.
     */
    private static final class CurrentStrategy implements SecurityContextHolderStrategy {

        private static SecurityContextHolderStrategy current() {
            return SecurityContextHolder.getContextHolderStrategy();
        }

        @Override
        public void clearContext() {
            current().clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return current().getContext();
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return current().getDeferredContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            current().setContext(context);
        }

        @Override
        public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
            current().setDeferredContext(deferredContext);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return current().createEmptyContext();
        }
    }

    /** The one client, registered once eISO's address is known. */
    private static final class Clients implements RegisteredClientRepository {

        private volatile RegisteredClient client;

        @Override
        public void save(RegisteredClient registeredClient) {
            client = registeredClient;
        }

        @Override
        public RegisteredClient findById(String id) {
            RegisteredClient known = client;
            return known != null && known.getId().equals(id) ? known : null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            RegisteredClient known = client;
            return known != null && known.getClientId().equals(clientId) ? known : null;
        }
    }

    /** A test component, so that eISO's own component scan of the test classes leaves it out. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Server {

        private final RSAKey key = rsaKey();

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> jwkSource() {
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The user info endpoint checks the access token with the provider's own key. */
        @Bean
        JwtDecoder jwtDecoder() throws Exception {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        }

        /** The province's provider names the user as eISO knows them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("preferred_username", context.getPrincipal().getName());
                }
            };
        }

        private static RSAKey rsaKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
