package vn.eiso.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box of list views: filters as the user pauses typing, clearable. */
public class SearchField extends TextField {

    public SearchField(String placeholderKey, Runnable onChange) {
        setPlaceholder(getTranslation(placeholderKey));
        setAriaLabel(getTranslation(placeholderKey));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setValueChangeMode(ValueChangeMode.LAZY);
        addValueChangeListener(e -> onChange.run());
    }
}
