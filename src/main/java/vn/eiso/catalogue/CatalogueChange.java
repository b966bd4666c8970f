package vn.eiso.catalogue;

import java.util.List;

/**
 * What an import would do to one procedure: add it, amend it (the fields that differ, with the values before), or
 * abolish it (it is no longer in the file).
 */
public record CatalogueChange(Kind kind, String code, String name, TthcLevel level, String agency, String field,
        String decidingAct, String fullCode, List<Field> changed, Tthc before) {

    public enum Kind {
        ADDED,
        AMENDED,
        ABOLISHED
    }

    /** The fields a re-import compares; the "name, level or agency", and the field and deciding act. */
    public enum Field {
        NAME,
        LEVEL,
        AGENCY,
        FIELD,
        DECIDING_ACT
    }

    public CatalogueChange {
        changed = List.copyOf(changed);
    }
}
