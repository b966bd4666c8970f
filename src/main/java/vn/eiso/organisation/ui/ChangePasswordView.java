package vn.eiso.organisation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import vn.eiso.base.ui.TitledView;
import vn.eiso.organisation.UserService;

/**
 * Where a user whose password an administrator reset is sent before anything else ({@link PasswordChangeGuard});
 * outside the main layout, so that nothing else can be opened from here.
 */
@Route(value = ChangePasswordView.PATH, autoLayout = false)
@PermitAll
class ChangePasswordView extends VerticalLayout implements TitledView {

    static final String PATH = "password";

    final PasswordChangeForm form;

    ChangePasswordView(UserService users, AuthenticationContext authentication) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form = new PasswordChangeForm(users, () -> UI.getCurrent().navigate(""));
        Button signOut = new Button(getTranslation("nav.logout"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div card = new Div(new H1(getTranslation("password.title")),
                new Paragraph(getTranslation("password.mustChange")), form, signOut);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public String titleKey() {
        return "password.title";
    }
}
