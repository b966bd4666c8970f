package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * Lumo badges (a short coloured label for a status: "badge success", "badge error", "badge contrast") and the
 * "label: value" facts under a record's title.
 */
public final class Badges {

    private Badges() {
    }

    public static Span of(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    /** A badge whose tooltip tells more (a signature's details beside its verdict). */
    public static Span of(String text, String theme, String details) {
        Span badge = of(text, theme);
        badge.setTitle(details);
        return badge;
    }

    /** "Label: value", or "Label: —" when there is no value, in the header of a record's page. */
    public static Span fact(String label, String value) {
        Span fact = new Span(label + ": " + (value == null || value.isBlank() ? "—" : value));
        fact.addClassName("fact");
        return fact;
    }
}
