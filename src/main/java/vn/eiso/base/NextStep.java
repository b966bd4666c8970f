package vn.eiso.base;

import java.util.List;

/**
 * The status line of a record: what happens next and who does it, as a message key with arguments (names,
 * dates), so that it reads in the user's language.
 */
public record NextStep(String messageKey, List<Object> args) {

    public static NextStep of(String messageKey, Object... args) {
        return new NextStep(messageKey, List.of(args));
    }
}
