package vn.eiso.organisation;

import vn.eiso.base.UnitId;

/**
 * Published inside the restructuring transaction after items moved from {@code predecessor} to
 * {@code successor}; listeners that write (the announcement's "re-announcement due") commit or roll back with it.
 */
public record UnitRestructured(Kind kind, UnitId predecessor, String predecessorName, UnitId successor,
        String successorName) {

    public enum Kind {
        MERGE,
        SPLIT
    }
}
