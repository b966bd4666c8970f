package vn.eiso.base;

import java.util.Arrays;

/**
 * A request the rules refuse. It carries a message key of the UI bundles rather than a sentence, so the same
 * refusal reads in Vietnamese or English; nothing was changed when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** An argument that is itself a message key, shown in the reader's language (a list of these is joined). */
    public record Key(String key) {
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
