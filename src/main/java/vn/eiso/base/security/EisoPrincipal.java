package vn.eiso.base.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.eiso.base.UserId;

/**
 * The signed-in user. The authorities are the union of the user's roles over all units at login; they gate
 * views only. Services check the unit-scoped grants live through {@link AccessGuard}. Open to {@link SsoPrincipal}
 * only, so that every check of "who is this" treats a single sign-on user as the same eISO user.
 */
public sealed class EisoPrincipal implements UserDetails, CredentialsContainer permits SsoPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserId userId;
    private final String username;
    private final String fullName;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final String locale;
    private final List<GrantedAuthority> authorities;
    private final int sessionGeneration;
    private String passwordHash;

    /**
     * {@code sessionGeneration} is the account's generation when it signed in: a session whose principal is behind
     * the account's current one has outlived a change of rights and is ended ({@link SessionCutoffFilter}).
     */
    public EisoPrincipal(UserId userId, String username, String fullName, String passwordHash, boolean enabled,
            boolean mustChangePassword, String locale, List<GrantedAuthority> authorities, int sessionGeneration) {
        this.userId = userId;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.locale = locale;
        this.authorities = List.copyOf(authorities);
        this.sessionGeneration = sessionGeneration;
    }

    public int sessionGeneration() {
        return sessionGeneration;
    }

    /**
     * The same user, signed in another way: without the password hash, and without a pending password change,
     * since the province's sign-in service, not the password, proved who it is.
     */
    protected EisoPrincipal(EisoPrincipal user) {
        this(user.userId, user.username, user.fullName, null, user.enabled, false, user.locale, user.authorities,
                user.sessionGeneration);
    }

    public UserId userId() {
        return userId;
    }

    public String fullName() {
        return fullName;
    }

    /** The language the user chose, "vi" or "en". */
    public String locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /**
     * An administrator reset the password, so the administrator knows it: the user must choose a new one before
     * anything else (the screens lead to the change, the API refuses).
     */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The same user after a successful change of the own password, for the open session. */
    public EisoPrincipal withPasswordChanged() {
        return new EisoPrincipal(userId, username, fullName, null, enabled, false, locale, authorities,
                sessionGeneration);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is not kept in the HTTP session after login. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
