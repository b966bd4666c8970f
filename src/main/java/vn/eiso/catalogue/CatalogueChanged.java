package vn.eiso.catalogue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A catalogue version was applied: what it did to which procedure, by code. Published inside the import's
 * transaction, so that what other features flag (documents to review, announcements due) commits with it.
 */
public record CatalogueChanged(int version, Map<String, CatalogueChange.Kind> changes) {

    public CatalogueChanged {
        changes = Map.copyOf(changes);
    }

    /** The procedures amended or abolished: what documents and announcements citing them must be reviewed for. */
    public Set<String> amendedOrAbolished() {
        return changes.entrySet().stream().filter(e -> e.getValue() != CatalogueChange.Kind.ADDED)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
