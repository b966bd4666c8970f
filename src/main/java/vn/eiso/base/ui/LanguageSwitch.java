package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Consumer;

/** Tiếng Việt / English. The choice holds for the session and, when signed in, is saved for the next login. */
public class LanguageSwitch extends Select<Locale> {

    static final String SESSION_KEY = LanguageSwitch.class.getName();

    public LanguageSwitch(Consumer<String> saveForUser) {
        setItems(Messages.VIETNAMESE, Messages.ENGLISH);
        setItemLabelGenerator(l -> l.equals(Messages.ENGLISH) ? "English" : "Tiếng Việt");
        setAriaLabel("Ngôn ngữ / Language");
        addClassName("language-switch");
        setValue(Messages.forTag(UI.getCurrent().getLocale().getLanguage()));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setAttribute(SESSION_KEY, e.getValue());
                saveForUser.accept(e.getValue().getLanguage());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
