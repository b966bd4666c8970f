package vn.eiso.audit;

import java.util.Locale;

/** A clause of ISO 9001:2015 (4-10), with its title in both languages as stored. */
public record IsoClause(String code, String parentCode, String titleVi, String titleEn) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleVi;
    }

    public boolean isTopLevel() {
        return parentCode == null;
    }
}
