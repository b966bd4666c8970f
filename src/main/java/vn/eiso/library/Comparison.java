package vn.eiso.library;

import java.util.List;
import vn.eiso.base.DiffRow;

/** A unit's procedure (its newest revision the caller may see) line by line against the model's current text. */
public record Comparison(Adoption adoption, int documentRevision, List<DiffRow> rows) {

    public long changedLines() {
        return rows.stream().filter(r -> r.kind() != DiffRow.Kind.SAME).count();
    }
}
