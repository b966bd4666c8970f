package vn.eiso.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the login view needs to know of the single sign-on: whether it is on and what its button says. */
@Component
public class SsoSettings {

    /** Where the sign-on starts: Spring's authorization request address for eISO's one registration. */
    public static final String START_PATH = "oauth2/authorization/" + SsoLogin.REGISTRATION_ID;

    private final boolean enabled;
    private final String buttonLabel;

    SsoSettings(@Value("${eiso.sso.enabled}") boolean enabled, @Value("${eiso.sso.button-label}") String buttonLabel) {
        this.enabled = enabled;
        this.buttonLabel = buttonLabel;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The province's own name for its sign-on, or empty for eISO's default label. */
    public String buttonLabel() {
        return buttonLabel == null ? "" : buttonLabel.strip();
    }
}
