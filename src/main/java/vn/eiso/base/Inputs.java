package vn.eiso.base;

/** Checks of free text typed into a form, refused with a message the user can act on. */
public final class Inputs {

    private Inputs() {
    }

    /** The stripped text; refused under {@code key} when blank, and when longer than {@code max}. */
    public static String required(String value, int max, String key) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new DomainException(key);
        }
        if (clean.length() > max) {
            throw new DomainException("error.tooLong", max);
        }
        return clean;
    }
}
