package vn.eiso.base;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of a file name eISO stores and serves (ADR 0019). A name arrives from a browser, a ZIP entry
 * or an HTTP client and ends up in a register, in the audit trail and in a {@code Content-Disposition}, where
 * whoever downloads it trusts what it says: so the name keeps only what a person could have meant, and its
 * extension never names a program.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    /**
     * Extensions that Windows, a desktop or a browser would run or render as active content rather than open as a
     * document. Refused outright: no accepted type needs them, and a download under such a name is an attack.
     * HTML and SVG are among them: served as a download they still run scripts once opened from the disk.
     */
    static final Set<String> REFUSED_EXTENSIONS = Set.of(
            "exe", "com", "bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "mjs", "wsf", "wsh", "wsc",
            "hta", "msi", "msp", "mst", "scr", "pif", "cpl", "jar", "sh", "lnk", "reg", "inf", "dll", "ocx", "sys",
            "msc", "gadget", "application", "appref-ms", "url", "scf", "chm", "iso", "img", "vhd", "vhdx",
            "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt",
            "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm");

    /** Windows refuses these characters in a name; a browser or unzip tool would rename or fail. */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("[<>:\"|?*]");
    /** Device names that Windows opens as devices whatever the extension ({@code CON.pdf} is the console). */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FileNames() {
    }

    /**
     * The name as stored and served: composed (NFC) Unicode, only its last path part (browsers once sent
     * {@code C:\Users\...\x.doc}), without control characters and invisible formatting characters (the
     * right-to-left override U+202E turns {@code "hoso\u202Efdp.exe"} into what reads as "hosoexe.pdf"),
     * without the characters and trailing dots or spaces Windows drops or refuses, and not a device name.
     * Refuses a name that is empty once cleaned, or longer than {@link #MAX_LENGTH}.
     */
    public static String clean(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (!invisible(c)) {
                kept.appendCodePoint(c);
            }
        });
        name = WINDOWS_RESERVED.matcher(kept).replaceAll("_");
        name = SPACES.matcher(name).replaceAll(" ").strip();
        // Windows drops trailing dots and spaces on saving: "x.exe." is saved, and run, as "x.exe".
        name = name.replaceAll("[. ]+$", "");
        if (name.isEmpty()) {
            throw new DomainException("error.file.nameMissing");
        }
        if (WINDOWS_DEVICE.matcher(name).matches()) {
            name = "_" + name;
        }
        if (name.length() > MAX_LENGTH) {
            throw new DomainException("error.file.nameTooLong", MAX_LENGTH);
        }
        return name;
    }

    /** Control characters (C0, DEL, C1), formatting ones (Cf: direction marks and overrides, zero-width ones). */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The extension, lower case and without its dot; empty when the name has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Refuses a (cleaned) name whose extension a computer would run or render: the message names it. */
    public static void refuseExecutable(String name) {
        String extension = extension(name);
        if (REFUSED_EXTENSIONS.contains(extension)) {
            throw new DomainException("error.file.executable", name, "." + extension);
        }
    }

    /**
     * The name with an extension among {@code allowed} (the first is the type's usual one): kept when it already
     * has one, the present extension replaced when {@code replaceable} says it names another type, the usual one
     * appended otherwise ("Quyết định số 19.2014" keeps its number). The base is shortened if the result would
     * pass {@link #MAX_LENGTH}.
     */
    public static String withExtension(String name, List<String> allowed, java.util.function.Predicate<String>
            replaceable) {
        String extension = extension(name);
        if (allowed.contains(extension)) {
            return name;
        }
        String base = !extension.isEmpty() && replaceable.test(extension)
                ? name.substring(0, name.length() - extension.length() - 1) : name;
        String suffix = "." + allowed.getFirst();
        if (base.length() + suffix.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH - suffix.length());
        }
        return base + suffix;
    }
}
