package vn.eiso.planning;

/** Identity of a quality objective. */
public record ObjectiveId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
