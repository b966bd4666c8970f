package vn.eiso.base;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The actions a caller may take on one record now, each with its {@link Verdict}; an action without a verdict is
 * not offered. Asked of the service once per page render, never per grid row.
 */
public final class Allowed<A extends Enum<A>> {

    private final Map<A, Verdict> verdicts;

    public Allowed(Class<A> type) {
        this.verdicts = new EnumMap<>(type);
    }

    public Allowed<A> put(A action, Verdict verdict) {
        verdicts.put(action, verdict);
        return this;
    }

    /** The caller may take the action now. */
    public boolean may(A action) {
        Verdict v = verdicts.get(action);
        return v != null && v.allowed();
    }

    /** The page shows the action (enabled when {@link #may}, else disabled with {@link #reason}). */
    public boolean offered(A action) {
        Verdict v = verdicts.get(action);
        return v != null && v.offered();
    }

    public Optional<String> reason(A action) {
        return Optional.ofNullable(verdicts.get(action)).flatMap(Verdict::reason);
    }

    public Verdict verdict(A action) {
        return verdicts.getOrDefault(action, Verdict.hidden("error.accessDenied"));
    }
}
