package vn.eiso.base.security;

import java.util.Optional;

/**
 * Finds the existing eISO account a single sign-on identity belongs to. Implemented by the organisation feature,
 * which also records a refusal in the audit trail; accounts are never created from a sign-on.
 */
public interface SsoAccounts {

    /** The enabled account whose user name (or e-mail, when the claim is {@code email}) is the claim's value. */
    Optional<EisoPrincipal> find(String claim, String value);
}
