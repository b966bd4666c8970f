package vn.eiso.base.security;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in through the province's identity provider, beside the password form (ADR 18). Vaadin's
 * configurer sets up either a form login or an OAuth2 login, not both, so the OAuth2 login is added here on the same
 * login view. The identity is matched by one claim to an existing eISO account, and the session then carries the
 * same principal as a password sign-in.
 */
@Component
@ConditionalOnBooleanProperty("eiso.sso.enabled")
public class SsoLogin {

    private static final Logger LOG = LoggerFactory.getLogger(SsoLogin.class);
    static final String REGISTRATION_ID = "sso";
    /** The error code of an identity that matches no enabled eISO account. */
    static final String UNKNOWN_ACCOUNT = "eiso_unknown_account";

    private final SsoAccounts accounts;
    private final Clock clock;
    private final String userClaim;
    private final ClientRegistrationRepository registrations;

    SsoLogin(SsoAccounts accounts, Clock clock, @Value("${eiso.sso.issuer-uri}") String issuerUri,
            @Value("${eiso.sso.client-id}") String clientId, @Value("${eiso.sso.client-secret}") String clientSecret,
            @Value("${eiso.sso.user-claim}") String userClaim) {
        this.accounts = accounts;
        this.clock = clock;
        this.userClaim = userClaim;
        this.registrations = new LazyRegistration(issuerUri, clientId, clientSecret);
    }

    void configure(HttpSecurity http, String loginPath) throws Exception {
        AuthenticationFailureHandler refused = (request, response, e) -> {
            boolean unknown = e instanceof OAuth2AuthenticationException o
                    && UNKNOWN_ACCOUNT.equals(o.getError().getErrorCode());
            // The user reads one of two sentences; the operator needs the provider's actual answer.
            LOG.warn("single sign-on refused: {}", e.getMessage());
            response.sendRedirect(request.getContextPath() + loginPath + (unknown ? "?sso-unknown" : "?sso-error"));
        };
        http.oauth2Login(o -> o.loginPage(loginPath)
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(u -> u.oidcUserService(users()))
                .failureHandler(refused));
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser identity = provider.loadUser(request);
            Object value = identity.getClaims().get(userClaim);
            Optional<EisoPrincipal> user = value == null ? Optional.empty()
                    : accounts.find(userClaim, value.toString());
            return user.map(u -> new SsoPrincipal(u, identity.getIdToken(), identity.getUserInfo(), clock.instant()))
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_ACCOUNT),
                            "no enabled eISO account for " + userClaim + "=" + value));
        };
    }

    /**
     * The provider's settings are read from its discovery document at the first sign-on rather than at start-up,
     * so that eISO (and its password sign-in) starts even while the identity provider is unreachable.
     */
    private static final class LazyRegistration implements ClientRegistrationRepository {

        private final String issuerUri;
        private final String clientId;
        private final String clientSecret;
        private volatile ClientRegistration registration;

        LazyRegistration(String issuerUri, String clientId, String clientSecret) {
            this.issuerUri = issuerUri;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                found = ClientRegistrations.fromIssuerLocation(issuerUri).registrationId(REGISTRATION_ID)
                        .clientId(clientId).clientSecret(clientSecret).scope("openid", "profile", "email").build();
                registration = found;
            }
            return found;
        }
    }
}
