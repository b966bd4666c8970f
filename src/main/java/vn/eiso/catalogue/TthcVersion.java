package vn.eiso.catalogue;

import java.time.OffsetDateTime;

/** One version of a procedure: the import that made it, what it changed, and the values the procedure then had. */
public record TthcVersion(int version, CatalogueChange.Kind change, String name, TthcLevel level, String agency,
        String fileName, OffsetDateTime importedAt) {
}
