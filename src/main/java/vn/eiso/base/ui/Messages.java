package vn.eiso.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.eiso.base.Texts;

/** UI texts from the message bundles: Vietnamese first, English second. */
@Component
public class Messages implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "messages";
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(VIETNAMESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale wanted = ENGLISH.getLanguage().equals(locale == null ? "" : locale.getLanguage()) ? ENGLISH : VIETNAMESE;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, wanted, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return format(pattern, wanted, params);
        } catch (MissingResourceException e) {
            LOG.warn("missing message {} for {}", key, wanted);
            return "!" + key;
        }
    }

    /**
     * A bundle's message as users read it: as written without arguments, through {@link MessageFormat} with them
     * (where an apostrophe is written {@code ''}, and a single one would quote the placeholders after it).
     */
    static String format(String pattern, Locale locale, Object... params) {
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    /** The bundle in one language, for what is generated outside a view's own request, such as a PDF. */
    public static Texts texts(Locale locale) {
        Messages messages = new Messages();
        Locale wanted = forTag(locale == null ? null : locale.getLanguage());
        return new Texts() {
            @Override
            public String get(String key, Object... args) {
                return messages.getTranslation(key, wanted, args);
            }

            @Override
            public Locale locale() {
                return wanted;
            }
        };
    }

    /** The supported locale for a stored language tag, Vietnamese when unknown. */
    public static Locale forTag(String tag) {
        return ENGLISH.getLanguage().equals(tag) ? ENGLISH : VIETNAMESE;
    }
}
