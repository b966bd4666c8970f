package vn.eiso.base;

import java.util.Optional;

/** What the signed-in user keeps between sessions: language and the unit last worked in. */
public interface UserPreferences {

    /** "vi" or "en". */
    void changeOwnLocale(String languageTag);

    void rememberOwnUnit(UnitId unit);

    Optional<UnitId> ownLastUnit();
}
