package vn.eiso.base.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An eISO user who signed in through the province's single sign-on: the same user id, roles and language as a
 * password sign-in (every view and service sees an {@link EisoPrincipal}), plus what Spring's OpenID Connect client
 * needs of the identity provider's answer (the ID token, for the sign-out) and when the sign-in happened.
 */
public final class SsoPrincipal extends EisoPrincipal implements OidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Instant signedInAt;

    public SsoPrincipal(EisoPrincipal user, OidcIdToken idToken, OidcUserInfo userInfo, Instant signedInAt) {
        super(user);
        this.idToken = idToken;
        this.userInfo = userInfo;
        this.signedInAt = signedInAt;
    }

    /** When the identity provider let the user in: a recent sign-in stands in for the password (SigningPins). */
    public Instant signedInAt() {
        return signedInAt;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    /** The eISO user name, which is also what the audit trail names the actor. */
    @Override
    public String getName() {
        return getUsername();
    }
}
