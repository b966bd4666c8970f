package vn.eiso.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import vn.eiso.base.security.AttemptedName;
import vn.eiso.base.security.SessionCutoffFilter;
import vn.eiso.base.security.SsoSettings;

/** Sign-in. A wrong user name and a wrong password get the same message; a throttled one also says how long to wait. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();
    /** Why the user is here again: the previous session was ended because their access changed, or was gone. */
    final Paragraph ended = new Paragraph();
    /** Why the single sign-on sent the user back here, when it did. */
    final Paragraph ssoRefusal = new Paragraph();
    private String attemptedName;

    public LoginView(SsoSettings sso) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        Div brand = new Div();
        brand.addClassName("login-brand");
        Span emblem = new Span("ISO");
        emblem.addClassName("brand-emblem");
        H1 title = new H1(getTranslation("app.name"));
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));
        brand.add(emblem, title, subtitle);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        ended.setText(getTranslation("login.sessionEnded"));
        ended.setId("login-session-ended");
        ended.addClassName("login-session-ended");
        ended.getElement().setAttribute("role", "status");
        ended.setVisible(false);

        Div card = new Div(brand, ended, form, new LanguageSwitch(tag -> { }));
        if (sso.enabled()) {
            card.addComponentAtIndex(3, signOnButton(sso));
            card.addComponentAtIndex(2, ssoRefusal);
        }
        card.addClassName("login-card");
        // The public register's route, named here as text: the base layer does not know the announcement feature.
        Anchor register = new Anchor("cong-bo", getTranslation("login.publicRegister"));
        register.addClassName("login-public-link");
        add(card, register, new Paragraph(getTranslation("login.footer")));
    }

    /** A plain link, not a route: the sign-on starts in Spring Security's filter, outside Vaadin. */
    private Anchor signOnButton(SsoSettings sso) {
        Button button = new Button(sso.buttonLabel().isEmpty() ? getTranslation("login.sso") : sso.buttonLabel());
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        button.setWidthFull();
        Anchor link = new Anchor(SsoSettings.START_PATH, button);
        link.setRouterIgnore(true);
        link.setId("login-sso");
        link.setWidthFull();
        ssoRefusal.getStyle().set("color", "var(--lumo-error-text-color)");
        ssoRefusal.getElement().setAttribute("role", "alert");
        ssoRefusal.setVisible(false);
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String refusal = parameters.containsKey("sso-unknown") ? "login.sso.unknown"
                : parameters.containsKey("sso-error") ? "login.sso.error" : null;
        if (refusal != null) {
            ssoRefusal.setText(getTranslation(refusal));
            ssoRefusal.setVisible(true);
        }
        boolean failed = parameters.containsKey("error");
        i18n.getErrorMessage().setMessage(waitMessage(parameters.get(AttemptedName.WAIT_PARAMETER)));
        form.setI18n(i18n);
        form.setError(failed);
        boolean marked = takeMark(SessionCutoffFilter.ENDED)
                || parameters.containsKey(SessionCutoffFilter.ENDED_PARAMETER);
        boolean lost = takeMark(SessionCutoffFilter.LOST);
        ended.setText(getTranslation(marked ? "login.sessionEnded" : "login.sessionLost"));
        ended.setVisible(!failed && (marked || lost));
        attemptedName = failed ? takeAttemptedName() : null;
        if (attemptedName != null) {
            // The form's fields live in the web component, not on the server: fill the name in there and put the
            // cursor in the password field, the one to type again.
            form.getElement().executeJs("""
                    const form = this;
                    const find = (name) => form.querySelector(`[name="${name}"]`)
                        || (form.shadowRoot && form.shadowRoot.querySelector(`[name="${name}"]`));
                    const fill = () => {
                      const user = find('username');
                      if (!user) { return false; }
                      user.value = $0;
                      const password = find('password');
                      if (password) { password.focus(); }
                      return true;
                    };
                    Promise.resolve(form.updateComplete).then(() => { if (!fill()) { requestAnimationFrame(fill); } });
                    """, attemptedName);
        }
    }

    /**
     * The one message for every failure, or, while sign-ins from here are throttled, the same message with how long
     * to wait; an unknown name is throttled exactly like a known one, so the wait says nothing about accounts.
     */
    private String waitMessage(List<String> wait) {
        long seconds = wait == null || wait.isEmpty() ? 0 : parseSeconds(wait.getFirst());
        if (seconds <= 0) {
            return getTranslation("login.error.message");
        }
        return seconds < 120 ? getTranslation("login.error.throttledSeconds", seconds)
                : getTranslation("login.error.throttledMinutes", (seconds + 59) / 60);
    }

    private static long parseSeconds(String text) {
        try {
            return Math.min(Long.parseLong(text), 24 * 3600);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The user name of the failed attempt, kept by the security filter in the HTTP session; read once. */
    private static String takeAttemptedName() {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null) {
            return null;
        }
        Object name = http.getAttribute(AttemptedName.SESSION_ATTRIBUTE);
        http.removeAttribute(AttemptedName.SESSION_ATTRIBUTE);
        return name instanceof String s && !s.isBlank() ? s : null;
    }

    /** Whether the security filter left this mark about the previous session in the new one; read once. */
    private static boolean takeMark(String attribute) {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null || http.getAttribute(attribute) == null) {
            return false;
        }
        http.removeAttribute(attribute);
        return true;
    }

    /** The user name filled in again after a failed sign-in, or null. */
    String attemptedName() {
        return attemptedName;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · eISO";
    }
}
