package vn.eiso.organisation;

import java.util.regex.Pattern;
import vn.eiso.base.DomainException;

/** Field rules shared by the forms, the CSV import and the services. */
final class Validation {

    static final int MAX_CODE = 32;
    static final int MAX_NAME = 255;
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._\\-/]+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._\\-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Validation() {
    }

    static String unitCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw new DomainException("error.unit.codeRequired");
        }
        if (code.length() > MAX_CODE) {
            throw new DomainException("error.unit.codeTooLong", MAX_CODE);
        }
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("error.unit.codeInvalid");
        }
        return code;
    }

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new DomainException("error.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            throw new DomainException("error.nameTooLong", MAX_NAME);
        }
        return name;
    }

    static String username(String raw) {
        String username = raw == null ? "" : raw.strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw new DomainException("error.user.usernameInvalid");
        }
        return username;
    }

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip();
        if (email.length() > MAX_NAME || !EMAIL.matcher(email).matches()) {
            throw new DomainException("error.user.emailInvalid");
        }
        return email;
    }
}
