package vn.eiso.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SsoAccounts;

/**
 * Matches a single sign-on identity to an existing account, with the same roles and language a password sign-in
 * would load. An unknown, ambiguous or disabled account is refused, and the refusal is in the audit trail.
 */
@Component
class OrganisationSsoAccounts implements SsoAccounts {

    private final JooqSsoAccountRepository accounts;
    private final EisoUserDetailsService userDetails;
    private final AuditTrail trail;

    OrganisationSsoAccounts(JooqSsoAccountRepository accounts, EisoUserDetailsService userDetails, AuditTrail trail) {
        this.accounts = accounts;
        this.userDetails = userDetails;
        this.trail = trail;
    }

    /** No transaction around it: an unknown name fails the login's own read, which must not doom the refusal's entry. */
    @Override
    public Optional<EisoPrincipal> find(String claim, String value) {
        Optional<EisoPrincipal> user = username(claim, value).flatMap(this::load).filter(EisoPrincipal::isEnabled);
        if (user.isEmpty()) {
            trail.recordAs(value.isBlank() ? "?" : value, "SSO_REFUSED", UserService.TARGET, null, null,
                    claim + "=" + value);
        }
        return user;
    }

    private Optional<String> username(String claim, String value) {
        if ("email".equals(claim)) {
            List<String> names = accounts.usernamesByEmail(value);
            return names.size() == 1 ? Optional.of(names.getFirst()) : Optional.empty();
        }
        return Optional.of(value.strip().toLowerCase(Locale.ROOT));
    }

    private Optional<EisoPrincipal> load(String username) {
        try {
            return Optional.of((EisoPrincipal) userDetails.loadUserByUsername(username));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
