package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page that tells, in the reader's language, that an address leads nowhere they may go, and offers the way home.
 * It says the same for an address that does not exist and for one the reader may not open, so that it reveals
 * nothing about what exists.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    ErrorPage() {
        addClassName("error-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 title = new H1(getTranslation("error.page.title"));
        Paragraph text = new Paragraph(getTranslation("error.page.text"));
        Anchor home = new Anchor("", getTranslation("error.page.home"));
        home.setId("error-home");
        add(title, text, home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.page.title") + " · eISO";
    }
}
