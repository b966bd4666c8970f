package vn.eiso.catalogue;

import java.util.List;

/**
 * What an import file would change, checked line by line before anything is written: the changes against the
 * catalogue version it was compared with, and a reason for each line that cannot be taken. A file with any such
 * line is not applied at all.
 */
public record CataloguePreview(String fileName, int baseVersion, int lines, List<LineError> errors,
        List<CatalogueChange> changes, List<String> ignoredColumns) {

    /** Why a line of the file cannot be taken. */
    public record LineError(int line, String code, String messageKey, List<Object> args) {
    }

    public CataloguePreview {
        errors = List.copyOf(errors);
        changes = List.copyOf(changes);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    public boolean canApply() {
        return errors.isEmpty() && !changes.isEmpty();
    }

    public long count(CatalogueChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
