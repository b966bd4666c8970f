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
import vn.eiso.base.security.AttemptedName;
import vn.eiso.base.security.SsoSettings;

/** Sign-in. A wrong user name, a wrong password and a locked account all get the same message. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();
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

        Div card = new Div(brand, form, new LanguageSwitch(tag -> { }));
        if (sso.enabled()) {
            card.addComponentAtIndex(2, signOnButton(sso));
            card.addComponentAtIndex(1, ssoRefusal);
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
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setError(failed);
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

    /** The user name filled in again after a failed sign-in, or null. */
    String attemptedName() {
        return attemptedName;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · eISO";
    }
}
