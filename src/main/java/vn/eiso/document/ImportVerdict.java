package vn.eiso.document;

import java.util.List;

/**
 * The verdict on one entry of an import (a file, the manifest, one of its lines): imported, skipped with the
 * reason (a hidden file, one already imported with the same content), refused with the reason, or a notice.
 * {@code messageKey} is null for a plain import.
 */
public record ImportVerdict(int seq, String entryName, String code, Outcome outcome, String messageKey,
        List<Object> args) {

    public enum Outcome {
        IMPORTED,
        SKIPPED,
        REFUSED,
        NOTICE
    }

    static ImportVerdict of(String entryName, String code, Outcome outcome, String messageKey, Object... args) {
        return new ImportVerdict(-1, entryName, code, outcome, messageKey, List.of(args));
    }

    ImportVerdict numbered(int seq) {
        return new ImportVerdict(seq, entryName, code, outcome, messageKey, args);
    }
}
