package vn.eiso.document;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.eiso.base.DomainException;
import vn.eiso.base.TextFolding;

/**
 * What one file of an import becomes: a document (code, title, type) and one revision of it, numbered as it was on
 * paper, in force from {@code effectiveOn} or, without a date, a draft.
 */
record ImportEntry(String code, String title, DocumentType type, int revision, LocalDate effectiveOn) {

    private static final Pattern NAME = Pattern.compile(
            "^([\\p{L}]{1,6}[-.]?\\d{1,4}(?:[-.]\\d{1,3})?)[\\s_\\-–.]+(.+?)\\.[\\p{Alnum}]{1,5}$");

    /** Without a manifest line: code and title from a name like "QT-01 Quy trình kiểm soát tài liệu.docx". */
    static ImportEntry fromName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new DomainException("import.error.nameWithoutCode");
        }
        String code = m.group(1).toUpperCase(Locale.ROOT).replace('.', '-');
        DocumentType type = typeOfCode(code);
        if (type == null) {
            throw new DomainException("import.error.unknownPrefix", prefix(code));
        }
        return new ImportEntry(code, m.group(2).strip(), type, 1, null);
    }

    /** The type a code's prefix names ("QT-01" is a procedure), or null. */
    static DocumentType typeOfCode(String code) {
        String prefix = prefix(code);
        for (DocumentType type : DocumentType.values()) {
            if (type.codePrefix().equals(prefix)) {
                return type;
            }
        }
        return null;
    }

    /** A type name ({@code PROCEDURE}) or its code prefix ({@code QT}), or null. */
    static DocumentType typeNamed(String raw) {
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equalsIgnoreCase(raw) || type.codePrefix().equalsIgnoreCase(raw)) {
                return type;
            }
        }
        return null;
    }

    private static String prefix(String code) {
        return TextFolding.fold(code.replaceAll("[-.]?\\d.*$", "")).toUpperCase(Locale.ROOT);
    }
}
