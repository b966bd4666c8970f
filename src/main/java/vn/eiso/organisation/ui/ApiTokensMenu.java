package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;

/** "API tokens" in the user menu: make a token for a script (shown once), see when each was last used, revoke. */
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

        final Grid<ApiToken> grid = new Grid<>();
        final TextField label = new TextField();
        final TextField created = new TextField();

        TokensDialog() {
            setHeaderTitle(getTranslation("apiToken.title"));
            setWidth("min(44rem, 100vw)");
            grid.addColumn(ApiToken::label).setHeader(getTranslation("apiToken.label")).setFlexGrow(2);
            grid.addColumn(t -> Formats.dateTime(t.createdAt(), clock.getZone()))
                    .setHeader(getTranslation("apiToken.createdAt")).setAutoWidth(true);
            grid.addColumn(t -> Formats.dateTime(t.lastUsedAt(), clock.getZone()))
                    .setHeader(getTranslation("apiToken.lastUsed")).setAutoWidth(true);
            grid.addComponentColumn(t -> {
                Button revoke = new Button(getTranslation("apiToken.revoke"), e -> confirmRevoke(t));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
                return revoke;
            }).setAutoWidth(true);
            grid.setAllRowsVisible(true);
            label.setLabel(getTranslation("apiToken.label"));
            label.setMaxLength(100);
            Button create = new Button(getTranslation("apiToken.create"), e -> create());
            create.setId("api-token-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(label, create);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
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
                created.setValue(tokens.create(label.getValue()));
                created.setVisible(true);
                label.clear();
                grid.setItems(tokens.mine());
            } catch (DomainException e) {
                Notifications.error(e);
            }
        }

        private void confirmRevoke(ApiToken token) {
            new ConfirmDialog(getTranslation("apiToken.revoke"), getTranslation("apiToken.revoke.confirm",
                    token.label()), getTranslation("apiToken.revoke"), e -> {
                        Notifications.attempt(() -> tokens.revoke(token.id()), "apiToken.revoked");
                        grid.setItems(tokens.mine());
                    }, getTranslation("common.cancel"), e -> { }).open();
        }
    }

    /** For tests: the dialog the menu entry opens. */
    TokensDialog dialog() {
        return new TokensDialog();
    }
}
