package vn.eiso.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import vn.eiso.base.DomainException;
import vn.eiso.document.ImportVerdict.Outcome;

/**
 * An import's ZIP on disk, opened by its central directory and held to {@code eiso.files.*} by its declared shape
 * before anything is inflated. It turns the archive into a plan: one item per entry and per manifest line, each
 * either judged already (a hidden file, a nested archive, a refused manifest line) or a file to import. The plan
 * depends on the archive alone, so a job resumed after a restart finds the same items at the same places.
 */
final class ImportArchive implements AutoCloseable {

    /** One step of the plan: a verdict already reached, or a file with what it becomes. */
    record Item(String path, String name, ImportEntry entry, ImportVerdict verdict) {
    }

    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", "ehthumbs.db", ".ds_store");
    private static final Pattern NESTED = Pattern.compile("(?i).*\\.(zip|rar|7z|tar|gz|tgz|bz2|xz)$");
    private static final int SHOWN_NAME = 300;

    private final String name;
    private final long size;
    private final ZipFile zip;
    private final ArchiveGuard guard;
    private final List<ZipArchiveEntry> entries;
    private final ArchiveGuard.Budget budget;
    private final long maxFileBytes;
    private final Map<String, ZipArchiveEntry> byPath = new HashMap<>();

    private ImportArchive(String name, Path path, FileInspector inspector) throws IOException {
        this.name = name;
        this.size = Files.size(path);
        this.guard = inspector.archives();
        this.maxFileBytes = inspector.maxBytes();
        this.zip = ArchiveGuard.open(name, path);
        try {
            this.entries = guard.declared(name, zip, size, inspector.limits().maxImportEntries());
        } catch (DomainException e) {
            zip.close();
            if (e.messageKey().equals("error.file.compressionBombEntries")) {
                throw new DomainException("import.error.tooManyEntries", inspector.limits().maxImportEntries());
            }
            throw e;
        }
        this.budget = guard.budget(name);
        entries.forEach(e -> byPath.putIfAbsent(path(e), e));
    }

    /** Opens the archive, refusing one that is not a ZIP or passes a limit, with the limit named. */
    static ImportArchive open(String name, Path path, FileInspector inspector) {
        try {
            if (Files.size(path) > inspector.limits().maxArchiveBytes()) {
                throw new DomainException("import.error.tooLarge",
                        vn.eiso.base.FileLimits.megabytes(inspector.limits().maxArchiveBytes()));
            }
            return new ImportArchive(name, path, inspector);
        } catch (DomainException e) {
            throw e.messageKey().equals("error.file.unreadable") ? new DomainException("import.error.notZip") : e;
        } catch (IOException e) {
            throw new DomainException("import.error.notZip");
        }
    }

    /** Every item in order: the judged ones, then the files by code and revision. */
    List<Item> plan() {
        List<Item> judged = new ArrayList<>();
        List<Item> files = new ArrayList<>();
        ImportManifest manifest = null;
        ZipArchiveEntry manifestEntry = entries.stream().filter(e -> !e.isDirectory())
                .filter(e -> ImportManifest.isManifest(fileName(e))).findFirst().orElse(null);
        if (manifestEntry != null) {
            String path = path(manifestEntry);
            try {
                byte[] content = read(manifestEntry, fileName(manifestEntry));
                if (ArchiveGuard.looksLikeZip(content)) {
                    // An XLSX is a package of its own: held to the same limits before the spreadsheet reader opens it.
                    guard.checkPackage(fileName(manifestEntry), content);
                }
                manifest = ImportManifest.read(fileName(manifestEntry), content);
                manifest.verdicts().forEach(v -> judged.add(new Item(path, path, null, v)));
            } catch (DomainException e) {
                judged.add(judged(path, null, Outcome.REFUSED, e.messageKey(), e.args()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : entries) {
            String file = fileName(entry);
            if (entry.isDirectory() || file.isEmpty() || entry == manifestEntry) {
                continue;
            }
            Item item = classify(path(entry), file, manifest, seen);
            (item.verdict() == null ? files : judged).add(item);
        }
        if (manifest != null) {
            manifest.unmatched().forEach(v -> judged.add(new Item(v.entryName(), v.entryName(), null, v)));
        }
        // A document's history in the order it was in force: earlier revisions first, whatever the archive's order.
        files.sort(Comparator.comparing((Item i) -> i.entry().code().toUpperCase(Locale.ROOT))
                .thenComparing(i -> i.entry().revision()));
        List<Item> plan = new ArrayList<>(judged);
        plan.addAll(files);
        return plan;
    }

    private static Item classify(String path, String file, ImportManifest manifest, Set<String> seen) {
        if (ImportManifest.isManifest(file)) {
            return judged(path, null, Outcome.REFUSED, "import.error.secondManifest");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || ("/" + path + "/").contains("/../")) {
            return judged(path, null, Outcome.REFUSED, "import.error.entryPath");
        }
        if (isHidden(path, file)) {
            return judged(path, null, Outcome.SKIPPED, "import.skipped.hidden");
        }
        if (NESTED.matcher(file).matches()) {
            return judged(path, null, Outcome.REFUSED, "import.error.nestedArchive");
        }
        if (!seen.add(ImportManifest.key(file))) {
            return judged(path, null, Outcome.REFUSED, "import.error.sameName", file);
        }
        Integer refused = manifest == null ? null : manifest.refusedLine(file);
        if (refused != null) {
            return judged(path, null, Outcome.REFUSED, "import.error.manifestLineRefused", refused);
        }
        ImportManifest.Line line = manifest == null ? null : manifest.take(file);
        if (line != null) {
            return new Item(path, file, line.entry(), null);
        }
        try {
            return new Item(path, file, ImportEntry.fromName(file), null);
        } catch (DomainException e) {
            return judged(path, null, Outcome.REFUSED, e.messageKey(), e.args());
        }
    }

    /** Dot-files, Office lock files, Finder and Explorer leftovers: never meant as documents. */
    private static boolean isHidden(String path, String file) {
        return file.startsWith(".") || file.startsWith("~$") || path.startsWith("__MACOSX/")
                || path.contains("/__MACOSX/") || SYSTEM_FILES.contains(file.toLowerCase(Locale.ROOT))
                || ("/" + path).contains("/.");
    }

    private static Item judged(String path, String code, Outcome outcome, String key, Object... args) {
        return new Item(path, path, null, ImportVerdict.of(shown(path), code, outcome, key, args));
    }

    static String shown(String path) {
        return path.length() > SHOWN_NAME ? path.substring(0, SHOWN_NAME) + "…" : path;
    }

    /** The bytes of a planned file, inflated now and counted; cut one byte past the file limit. */
    byte[] read(Item item) {
        ZipArchiveEntry entry = byPath.get(item.path());
        if (entry == null) {
            throw new DomainException("error.file.unreadable", item.name());
        }
        return read(entry, item.name());
    }

    private static String path(ZipArchiveEntry entry) {
        return entry.getName().replace('\\', '/');
    }

    private static String fileName(ZipArchiveEntry entry) {
        String path = path(entry);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private byte[] read(ZipArchiveEntry entry, String file) {
        try (InputStream in = guard.guarded(file, zip, entry, size, budget)) {
            // One byte past the limit tells a file that is too big from one that is exactly at it.
            return in.readNBytes(Math.toIntExact(maxFileBytes + 1));
        } catch (IOException e) {
            throw new DomainException("error.file.unreadable", file);
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
