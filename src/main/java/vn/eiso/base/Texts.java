package vn.eiso.base;

import java.util.Locale;

/** The message bundle in one language, as a generated report needs it; the UI hands in its own translations. */
public interface Texts {

    String get(String key, Object... args);

    Locale locale();
}
