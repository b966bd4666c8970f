package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;

/**
 * "API tokens" in the user menu: make a token for a script (label, lifetime, scope, the password re-entered; the
 * token is shown once), see when each was last used and when it ends, revoke.
 */
@Component
class ApiTokensMenu implements ShellContribution {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokensMenu(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<UserMenuEntry> userMenu() {
        return Optional.of(new UserMenuEntry("apiToken.menu", () -> new TokensDialog().open()));
    }

    final class TokensDialog extends Dialog {

        final TokenGrid grid = new TokenGrid(clock, this::confirmRevoke);
        final TextField label = new TextField();
        final Select<Duration> lifetime = new Select<>();
        final Select<ApiToken.Scope> scope = new Select<>();
        final PasswordField password = new PasswordField();
        final TextField created = new TextField();

        TokensDialog() {
            setHeaderTitle(getTranslation("apiToken.title"));
            setWidth("min(56rem, 100vw)");
            label.setLabel(getTranslation("apiToken.label"));
            label.setMaxLength(100);
            List<Duration> lifetimes = tokens.lifetimes();
            lifetime.setLabel(getTranslation("apiToken.lifetime"));
            lifetime.setItems(lifetimes);
            lifetime.setItemLabelGenerator(d -> getTranslation("apiToken.lifetime.days", d.toDays()));
            // The shortest offered lifetime of at least 90 days: long enough for a script, short enough to end.
            lifetime.setValue(lifetimes.stream().filter(d -> d.toDays() >= 90).findFirst()
                    .orElse(lifetimes.getLast()));
            scope.setLabel(getTranslation("apiToken.scope"));
            scope.setItems(ApiToken.Scope.values());
            scope.setItemLabelGenerator(s -> getTranslation("apiToken.scope." + s));
            scope.setValue(ApiToken.Scope.READ);
            password.setLabel(getTranslation("apiToken.password"));
            password.setHelperText(getTranslation("apiToken.password.help"));
            password.setId("api-token-password");
            Button create = new Button(getTranslation("apiToken.create"), e -> create());
            create.setId("api-token-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            FormLayout form = new FormLayout(label, lifetime, scope, password, create);
            created.setId("api-token-value");
            created.setLabel(getTranslation("apiToken.created"));
            created.setReadOnly(true);
            created.setWidthFull();
            created.setVisible(false);
            add(new Paragraph(getTranslation("apiToken.help")), form, created, grid);
            getFooter().add(new Button(getTranslation("common.close"), e -> close()));
            grid.setItems(tokens.mine());
        }

        void create() {
            try {
                created.setValue(tokens.create(label.getValue(), lifetime.getValue(), scope.getValue(),
                        password.getValue()));
                created.setVisible(true);
                label.clear();
                grid.setItems(tokens.mine());
            } catch (DomainException e) {
                Notifications.error(e);
            } finally {
                password.clear();
            }
        }

        private void confirmRevoke(ApiToken token) {
            Dialogs.confirmDestructive(getTranslation("apiToken.revoke"),
                    getTranslation("apiToken.revoke.confirm", token.label()), getTranslation("apiToken.revoke"),
                    () -> {
                        Notifications.attempt(() -> tokens.revoke(token.id()), "apiToken.revoked");
                        grid.setItems(tokens.mine());
                    });
        }
    }

    /** For tests: the dialog the menu entry opens. */
    TokensDialog dialog() {
        return new TokensDialog();
    }
}
