package vn.eiso.base;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Vietnamese text for loose matching: lower case, no diacritics, đ as d, single spaces. "so tu phap" then
 * matches "Sở Tư pháp", whether the text arrived in NFC or NFD.
 */
public final class TextFolding {

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').replaceAll("\\s+", " ");
    }
}
