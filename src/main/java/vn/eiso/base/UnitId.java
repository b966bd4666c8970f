package vn.eiso.base;

/** Identity of a unit (đơn vị); a value type so that a user id can never be passed where a unit id belongs. */
public record UnitId(long value) {

    public static UnitId of(Long value) {
        return value == null ? null : new UnitId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
