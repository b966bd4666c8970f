package vn.eiso.organisation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.organisation.UserAccount;

/** The administrator's view of a user's API tokens in the user dialog, each revocable after a confirmation. */
class UserTokensSection extends Div {

    private final ApiTokens tokens;
    private final UserAccount account;
    final TokenGrid grid;
    final Paragraph none = new Paragraph();

    UserTokensSection(ApiTokens tokens, Clock clock, UserAccount account) {
        this.tokens = tokens;
        this.account = account;
        this.grid = new TokenGrid(clock, this::confirmRevoke);
        none.setText(getTranslation("apiToken.admin.none"));
        add(new H3(getTranslation("apiToken.admin.title")), none, grid);
        addClassName("membership-section");
        refresh();
    }

    void refresh() {
        var list = tokens.ofUser(account.id());
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        none.setVisible(list.isEmpty());
    }

    private void confirmRevoke(ApiToken token) {
        Dialogs.confirmDestructive(getTranslation("apiToken.revoke"),
                getTranslation("apiToken.admin.revoke.confirm", token.label(), account.fullName()),
                getTranslation("apiToken.revoke"), () -> {
                    Notifications.attempt(() -> tokens.revokeOf(account.id(), token.id()), "apiToken.revoked");
                    refresh();
                });
    }
}
