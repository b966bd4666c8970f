package vn.eiso.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Grids that fit a phone: below {@link #CARD_BELOW} pixels of window width a grid shows one card-like column (the
 * row's main text in full, its facts wrapped below it) instead of its table of columns, which would have to scroll
 * sideways. The switch follows the window as it is resized or turned.
 */
public final class NarrowScreens {

    /** Narrower windows than this (phones, a tablet upright) get cards. */
    public static final int CARD_BELOW = 720;

    private NarrowScreens() {
    }

    /**
     * Adds the card column to the grid and switches between it and the grid's other columns by the window's width.
     * Call it after the other columns are added.
     */
    public static <T> void cards(Grid<T> grid, String header, SerializableFunction<T, Component> card) {
        List<Grid.Column<T>> table = List.copyOf(grid.getColumns());
        Grid.Column<T> cards = grid.addColumn(new ComponentRenderer<>(card)).setHeader(header).setFlexGrow(1);
        cards.setVisible(false);
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(table, cards,
                    details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> show(table, cards, e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static <T> void show(List<Grid.Column<T>> table, Grid.Column<T> cards, int width) {
        boolean narrow = width > 0 && width < CARD_BELOW;
        table.forEach(c -> c.setVisible(!narrow));
        cards.setVisible(narrow);
    }

    /** A card: its title (a link or text, wrapping as needed), then its facts on wrapping lines. */
    public static Div card(Component title, Component... facts) {
        Div line = new Div(facts);
        line.addClassName("grid-card-facts");
        Div card = new Div(title, line);
        card.addClassName("grid-card");
        return card;
    }

    /** A plain fact of a card. */
    public static Span fact(String text) {
        return new Span(text == null ? "" : text);
    }
}
