package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Span;

/** Lumo badges: a short coloured label for a status ("badge success", "badge error", "badge contrast"). */
public final class Badges {

    private Badges() {
    }

    public static Span of(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }
}
