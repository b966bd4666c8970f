package vn.eiso.announcement;

import java.util.List;

/**
 * Whether the unit may announce conformity, condition by condition. An unmet condition names what is missing
 * ({@code detailKey} with {@code detailArgs}, and the items concerned) and the screen where it is fixed.
 */
public record Readiness(List<Condition> conditions) {

    public enum Key {
        SCOPE,
        TTHC_CATALOGUE,
        MANDATORY_PROCEDURES,
        APPLIED,
        INTERNAL_AUDIT,
        MANAGEMENT_REVIEW,
        NO_MAJOR_NONCONFORMITY
    }

    public record Condition(Key key, boolean met, String detailKey, List<Object> detailArgs, List<String> items,
            String route) {
    }

    public boolean isReady() {
        return conditions.stream().allMatch(Condition::met);
    }

    public List<Condition> unmet() {
        return conditions.stream().filter(c -> !c.met()).toList();
    }

    public Condition condition(Key key) {
        return conditions.stream().filter(c -> c.key() == key).findFirst().orElseThrow();
    }
}
