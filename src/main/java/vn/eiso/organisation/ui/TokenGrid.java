package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import vn.eiso.base.ui.Formats;
import vn.eiso.organisation.ApiToken;

/**
 * Personal API tokens as their owner and an administrator see them: label, scope, when made, until when, last
 * use, and a revoke button per row (the last column).
 */
class TokenGrid extends Grid<ApiToken> {

    /** The column of the revoke buttons, for tests that click one. */
    static final int REVOKE_COLUMN = 5;

    TokenGrid(Clock clock, Consumer<ApiToken> revoke) {
        addColumn(ApiToken::label).setHeader(getTranslation("apiToken.label")).setFlexGrow(2);
        addColumn(t -> getTranslation("apiToken.scope." + t.scope())).setHeader(getTranslation("apiToken.scope"))
                .setAutoWidth(true);
        addColumn(t -> Formats.dateTime(t.createdAt(), clock.getZone()))
                .setHeader(getTranslation("apiToken.createdAt")).setAutoWidth(true);
        addComponentColumn(t -> {
            Span expires = new Span(Formats.dateTime(t.expiresAt(), clock.getZone()));
            if (t.isExpired(OffsetDateTime.now(clock))) {
                expires.setText(getTranslation("apiToken.expired"));
                expires.getElement().getThemeList().add("badge error");
            }
            return expires;
        }).setHeader(getTranslation("apiToken.expiresAt")).setAutoWidth(true);
        addColumn(t -> Formats.dateTime(t.lastUsedAt(), clock.getZone()))
                .setHeader(getTranslation("apiToken.lastUsed")).setAutoWidth(true);
        addComponentColumn(t -> {
            Button button = new Button(getTranslation("apiToken.revoke"), e -> revoke.accept(t));
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
            return button;
        }).setAutoWidth(true);
        setAllRowsVisible(true);
    }
}
