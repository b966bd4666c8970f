package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasDynamicTitle;

/** A view whose title is a message key: shown in the browser tab and the header of the layout. */
public interface TitledView extends HasDynamicTitle {

    String titleKey();

    default String title() {
        return UI.getCurrent().getTranslation(titleKey());
    }

    @Override
    default String getPageTitle() {
        return title() + " · eISO";
    }
}
