package vn.eiso.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.eiso.base.DomainException;

/**
 * The one rule for every password set in eISO (an administrator's create and reset, the user's own change, the
 * first administrator): long rather than complicated, so a sentence with spaces is welcome (ADR 16).
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAX_BYTES = 72;
    private static final String COMMON_LIST = "common-passwords.txt";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s._\\-]+");
    private static final Pattern EDGE_DIGITS_AND_SYMBOLS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The password if it follows every rule; otherwise the message names the first rule it breaks. */
    static String check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new DomainException("error.user.passwordTooShort", MIN_CHARACTERS);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DomainException("error.user.passwordTooLong", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && (lower.contains(name) || squeezed(lower).contains(squeezed(name)))) {
            throw new DomainException("error.password.containsUsername");
        }
        if (isCommon(lower)) {
            throw new DomainException("error.password.common");
        }
        return password;
    }

    /**
     * Common as typed, without its spaces and separators, or without the digits and symbols around it
     * ("matkhau@123456" is "matkhau" to a guessing program).
     */
    private static boolean isCommon(String lower) {
        String squeezed = squeezed(lower);
        String core = EDGE_DIGITS_AND_SYMBOLS.matcher(squeezed).replaceAll("");
        return COMMON.contains(lower) || COMMON.contains(squeezed) || (!core.isEmpty() && COMMON.contains(core));
    }

    private static String squeezed(String text) {
        return SEPARATORS.matcher(text).replaceAll("");
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_LIST);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
