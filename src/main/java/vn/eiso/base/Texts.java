package vn.eiso.base;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The message bundle in one language, as a generated report needs it; the UI hands in its own translations. */
public interface Texts {

    String get(String key, Object... args);

    Locale locale();

    /**
     * The bundle in a user's stored language ("vi" or "en"; Vietnamese when unknown), for what goes out after the
     * request and outside any screen: e-mails and notices. Formats as the screens do: as written without
     * arguments, through {@link MessageFormat} with them.
     */
    static Texts of(String languageTag) {
        Locale locale = "en".equals(languageTag) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts() {
            @Override
            public String get(String key, Object... args) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }
}
