package vn.eiso.organisation;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;

@Component
class EisoUserDetailsService implements UserDetailsService {

    private final JooqUserRepository users;

    EisoUserDetailsService(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var user = users.findLogin(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        UserId id = user.id();
        List<GrantedAuthority> authorities = users.activeMembershipsOfUser(id).stream()
                .map(m -> m.role().authority())
                .distinct()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return new EisoPrincipal(id, user.username(), user.fullName(), user.passwordHash(), user.enabled(),
                user.mustChangePassword(), user.locale(), authorities, users.sessionGeneration(id));
    }
}
