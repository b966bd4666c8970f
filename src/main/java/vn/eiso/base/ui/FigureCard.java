package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A headline figure: the number large, what it counts below; laid out in a {@code figures} grid. */
public final class FigureCard {

    private FigureCard() {
    }

    public static Div of(Object value, String label) {
        Div figure = new Div(new Span(String.valueOf(value)), new Span(label));
        figure.addClassName("figure");
        return figure;
    }
}
