package vn.eiso.base;

import java.util.Optional;

/**
 * What a rule says about one action of the caller on a record right now: allowed; offered but refused for a
 * reason the user should read (a message key); or not offered at all, because it is not theirs to take. The same
 * verdict guards the service method and decides what the page shows, so the two never disagree.
 */
public record Verdict(boolean offered, String refusal) {

    public static final Verdict ALLOWED = new Verdict(true, null);

    /** Shown, but disabled with the reason: the caller's turn comes once the reason is gone. */
    public static Verdict refused(String messageKey) {
        return new Verdict(true, messageKey);
    }

    /** Not the caller's to take; the key is what the service says if it is asked anyway. */
    public static Verdict hidden(String messageKey) {
        return new Verdict(false, messageKey);
    }

    public boolean allowed() {
        return refusal == null;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(refusal);
    }

    /** For the service method: refuses with the reason unless allowed. */
    public void orThrow() {
        if (refusal != null) {
            throw new DomainException(refusal);
        }
    }
}
