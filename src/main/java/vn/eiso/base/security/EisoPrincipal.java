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
    private final boolean locked;
    private final String locale;
    private final List<GrantedAuthority> authorities;
    private String passwordHash;

    public EisoPrincipal(UserId userId, String username, String fullName, String passwordHash, boolean enabled,
            boolean locked, String locale, List<GrantedAuthority> authorities) {
        this.userId = userId;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.locale = locale;
        this.authorities = List.copyOf(authorities);
    }

    /** The same user, signed in another way: without the password hash. */
    protected EisoPrincipal(EisoPrincipal user) {
        this(user.userId, user.username, user.fullName, null, user.enabled, user.locked, user.locale,
                user.authorities);
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

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
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
