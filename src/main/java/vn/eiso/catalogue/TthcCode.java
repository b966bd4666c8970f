package vn.eiso.catalogue;

import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A procedure's code as the national database writes it: the short form {@code 1.001612}, or the full form
 * {@code 1.001612.000.00.00.H12} that adds the place where it is carried out. Documents cite either; the short
 * form is the key.
 */
public final class TthcCode {

    private static final Pattern CODE = Pattern.compile("([0-9]{1,2}\\.[0-9]{6})((?:\\.[0-9A-Za-z]+)*)");

    private TthcCode() {
    }

    /** The codes a register entry's TTHC field lists, separated by commas, semicolons or spaces. */
    public static List<String> listed(String field) {
        return field == null ? List.of()
                : Arrays.stream(field.split("[,;\\s]+")).filter(c -> !c.isBlank()).toList();
    }

    /** The short code of a code written in either form, or empty when it is not one. */
    public static Optional<String> shortCode(String text) {
        Matcher m = CODE.matcher(text == null ? "" : text.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The full code, when the text is one longer than the short code. */
    static Optional<String> fullCode(String text) {
        Matcher m = CODE.matcher(text == null ? "" : text.trim());
        return m.matches() && !m.group(2).isEmpty() ? Optional.of(m.group().toUpperCase(Locale.ROOT))
                : Optional.empty();
    }
}
