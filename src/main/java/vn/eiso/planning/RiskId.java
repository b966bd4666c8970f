package vn.eiso.planning;

/** Identity of an entry of the risks and opportunities register. */
public record RiskId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
