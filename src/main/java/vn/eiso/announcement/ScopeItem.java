package vn.eiso.announcement;

import vn.eiso.document.DocumentId;

/**
 * A TTHC or an activity inside the unit's QMS scope, with the procedure that carries it out ({@code procedure}
 * null while unmapped; {@code procedureInForce} false when it is mapped to a draft or withdrawn procedure).
 */
public record ScopeItem(long id, Kind kind, String code, String name, DocumentId procedure, String procedureCode,
        String procedureTitle, boolean procedureInForce) {

    public enum Kind {
        TTHC,
        ACTIVITY
    }

    /** How the item reads in the decision and on the public register: what the unit handles, not its file codes. */
    public String line() {
        return code == null ? name : code + " · " + name;
    }

    /** The item with the procedure it is mapped to, for the fingerprint that flags a remapping for re-announcement. */
    String fingerprintLine() {
        return procedureCode == null ? line() : line() + " (" + procedureCode + ")";
    }
}
