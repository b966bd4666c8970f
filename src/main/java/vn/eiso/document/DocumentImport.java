package vn.eiso.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;

/**
 * Creates documents in a unit from existing files (a ZIP, or a folder from the command line), for units moving
 * from paper and Word folders. An optional {@code manifest.csv} gives, per file, the code, title, type, revision
 * number and effective date; without it the code and title are read from names like
 * "QT-01 Quy trình kiểm soát tài liệu.docx". Each file is imported in its own transaction and gets its own
 * verdict: a bad file is reported and the rest goes on.
 */
@Service
public class DocumentImport {

    public static final String MANIFEST = "manifest.csv";
    private static final Pattern NAME = Pattern.compile(
            "^([\\p{L}]{1,6}[-.]?\\d{1,4}(?:[-.]\\d{1,3})?)[\\s_\\-–.]+(.+?)\\.[\\p{Alnum}]{1,5}$");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** The verdict on one file; {@code errorKey} null means imported. */
    public record FileReport(String fileName, String code, String errorKey, List<Object> errorArgs) {

        public boolean imported() {
            return errorKey == null;
        }
    }

    public record Report(List<FileReport> files) {

        public long importedCount() {
            return files.stream().filter(FileReport::imported).count();
        }

        public long failedCount() {
            return files.size() - importedCount();
        }
    }

    private record Entry(String code, String title, DocumentType type, int revision, LocalDate effectiveOn) {
    }

    private final DocumentRegister register;
    private final JooqDocumentRepository documents;
    private final JooqRevisionRepository revisions;
    private final RevisionWorkflow workflow;
    private final DocumentAccess access;
    private final FileInspector inspector;
    private final FileStore files;
    private final AuditTrail trail;
    private final TransactionTemplate tx;
    private final Clock clock;

    DocumentImport(DocumentRegister register, JooqDocumentRepository documents, JooqRevisionRepository revisions,
            RevisionWorkflow workflow, DocumentAccess access, FileInspector inspector, FileStore files,
            AuditTrail trail, TransactionTemplate tx, Clock clock) {
        this.register = register;
        this.documents = documents;
        this.revisions = revisions;
        this.workflow = workflow;
        this.access = access;
        this.inspector = inspector;
        this.files = files;
        this.trail = trail;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Imports every file of a ZIP archive (folders inside it are fine). The archive is held to the limits of
     * {@code eiso.files.*} by its declared shape before anything is inflated (see {@link ArchiveGuard}).
     */
    public Report importZip(UnitId unit, byte[] zip) {
        access.editor(unit);
        if (zip.length > inspector.limits().maxArchiveBytes()) {
            throw new DomainException("import.error.tooLarge", FileLimits.megabytes(inspector.limits().maxArchiveBytes()));
        }
        Map<String, Entry> manifest = new HashMap<>();
        List<FileReport> reports = new ArrayList<>();
        eachEntry(zip, (name, content) -> {
            if (name.equalsIgnoreCase(MANIFEST)) {
                try {
                    manifest.putAll(readManifest(content.read(), reports));
                } catch (DomainException e) {
                    reports.add(new FileReport(MANIFEST, null, e.messageKey(), List.of(e.args())));
                }
            }
        });
        eachEntry(zip, (name, content) -> {
            if (!name.equalsIgnoreCase(MANIFEST)) {
                reports.add(importOne(unit, name, content, manifest));
            }
        });
        return finish(unit, reports);
    }

    /** Imports files already read, e.g. a folder on disk; a file named manifest.csv is the manifest. */
    public Report importFiles(UnitId unit, Map<String, byte[]> filesByName) {
        access.editor(unit);
        List<FileReport> reports = new ArrayList<>();
        Map<String, Entry> manifest = new HashMap<>();
        filesByName.forEach((name, content) -> {
            if (name.equalsIgnoreCase(MANIFEST)) {
                manifest.putAll(readManifest(content, reports));
            }
        });
        filesByName.forEach((name, content) -> {
            if (!name.equalsIgnoreCase(MANIFEST)) {
                reports.add(importOne(unit, name, () -> content, manifest));
            }
        });
        return finish(unit, reports);
    }

    private Report finish(UnitId unit, List<FileReport> reports) {
        Report report = new Report(List.copyOf(reports));
        tx.executeWithoutResult(s -> trail.record("DOCUMENTS_IMPORTED", DocumentRegister.TARGET, null, unit,
                report.importedCount() + " imported, " + report.failedCount() + " refused"));
        return report;
    }

    private FileReport importOne(UnitId unit, String rawName, EntryContent entryContent, Map<String, Entry> manifest) {
        String shown = rawName.length() > 120 ? rawName.substring(0, 120) + "…" : rawName;
        try {
            byte[] content = entryContent.read();
            // The file is checked (and its text extracted) before any transaction is opened.
            FileInspector.Inspected file = inspector.inspect(rawName, content);
            Entry entry = manifest.containsKey(key(file.fileName())) ? manifest.get(key(file.fileName()))
                    : fromName(file.fileName());
            Caller caller = access.editor(unit);
            UserId author = caller.user().orElseThrow(() -> new DomainException("error.revision.needsUser"));
            tx.executeWithoutResult(status -> create(unit, entry, file, content, author));
            return new FileReport(shown, entry.code(), null, List.of());
        } catch (DomainException e) {
            return new FileReport(shown, null, e.messageKey(), List.of(e.args()));
        }
    }

    private void create(UnitId unit, Entry entry, FileInspector.Inspected file, byte[] content, UserId author) {
        DocumentData data = register.validated(unit, DocumentData.of(entry.code(), entry.title(), entry.type(), author),
                null);
        DocumentId id = register.insertChecked(unit, data);
        OffsetDateTime now = OffsetDateTime.now(clock);
        RevisionId revision = revisions.insertDraftNumbered(id, entry.revision(), author, now);
        files.put(file.sha256(), content);
        revisions.insertAttachment(revision, null, file.fileName(), file.contentType(), file.size(), file.sha256(),
                file.text(), now);
        if (entry.effectiveOn() != null) {
            if (entry.effectiveOn().isAfter(LocalDate.now(clock))) {
                throw new DomainException("import.error.futureDate", entry.effectiveOn());
            }
            Revision draft = revisions.find(revision).orElseThrow();
            revisions.markImportedEffective(revision, id, workflow.contentSha256(draft), entry.effectiveOn(),
                    entry.effectiveOn().atStartOfDay(clock.getZone()).toOffsetDateTime());
            documents.setState(id, DocumentStatus.EFFECTIVE, revision,
                    entry.effectiveOn().plusMonths(data.reviewPeriodMonths()), now);
        }
        trail.record("DOCUMENT_IMPORTED", DocumentRegister.TARGET, id, unit,
                entry.code() + " · " + file.fileName() + " · " + file.sha256());
    }

    private static Entry fromName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new DomainException("import.error.nameWithoutCode");
        }
        String code = m.group(1).toUpperCase(Locale.ROOT).replace('.', '-');
        String prefix = TextFolding.fold(code.replaceAll("[-.]?\\d.*$", "")).toUpperCase(Locale.ROOT);
        DocumentType type = typeOfPrefix(prefix);
        if (type == null) {
            throw new DomainException("import.error.unknownPrefix", prefix);
        }
        return new Entry(code, m.group(2).strip(), type, 1, null);
    }

    private static DocumentType typeOfPrefix(String prefix) {
        for (DocumentType type : DocumentType.values()) {
            if (type.codePrefix().equals(prefix)) {
                return type;
            }
        }
        return null;
    }

    /** Manifest lines: file, code, title, type, revision, effective date (dd/MM/yyyy or yyyy-MM-dd). */
    private Map<String, Entry> readManifest(byte[] content, List<FileReport> reports) {
        Map<String, Entry> entries = new HashMap<>();
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || i == 0 && TextFolding.fold(line).startsWith("file")) {
                continue;
            }
            String[] f = line.split(line.contains(";") ? ";" : ",", -1);
            try {
                if (f.length < 4) {
                    throw new DomainException("import.error.manifestColumns", i + 1);
                }
                DocumentType type = parseType(f[3].strip());
                int revision = f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 1;
                if (revision < 1 || revision > 999) {
                    throw new DomainException("import.error.manifestRevision", i + 1);
                }
                LocalDate effective = f.length > 5 && !f[5].isBlank() ? parseDate(f[5].strip(), i + 1) : null;
                entries.put(key(f[0].strip()), new Entry(f[1].strip(), f[2].strip(), type, revision, effective));
            } catch (NumberFormatException e) {
                reports.add(new FileReport(MANIFEST, null, "import.error.manifestRevision", List.of(i + 1)));
            } catch (DomainException e) {
                reports.add(new FileReport(MANIFEST, null, e.messageKey(), List.of(e.args())));
            }
        }
        return entries;
    }

    private static DocumentType parseType(String raw) {
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equalsIgnoreCase(raw) || type.codePrefix().equalsIgnoreCase(raw)) {
                return type;
            }
        }
        throw new DomainException("import.error.manifestType", raw);
    }

    private static LocalDate parseDate(String raw, int line) {
        try {
            return raw.contains("/") ? LocalDate.parse(raw, VN_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new DomainException("import.error.manifestDate", line, raw);
        }
    }

    private static String key(String fileName) {
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        return Normalizer.normalize(last, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** An entry's bytes, inflated only when asked for; refuses with a {@link DomainException}. */
    @FunctionalInterface
    private interface EntryContent {
        byte[] read();
    }

    /**
     * Walks the archive by its central directory after its declared shape passed: each entry is inflated only when
     * read, counted as it inflates (a lying header is refused for that entry), and cut off one byte past the file
     * limit so the inspector refuses it as too large; nothing is inflated beyond what is read.
     */
    private void eachEntry(byte[] zip, BiConsumer<String, EntryContent> action) {
        ArchiveGuard guard = inspector.archives();
        long limit = inspector.maxBytes() + 1;
        int count = 0;
        try (ZipFile file = ArchiveGuard.open("ZIP", zip)) {
            ArchiveGuard.Budget budget = guard.budget("ZIP");
            for (ZipArchiveEntry entry : guard.declared("ZIP", file, zip.length)) {
                count++;
                String path = entry.getName().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.isEmpty() || name.startsWith(".") || path.startsWith("__MACOSX/")) {
                    continue;
                }
                action.accept(name, () -> {
                    try (InputStream in = guard.guarded(name, file, entry, zip.length, budget)) {
                        return readBounded(in, limit);
                    } catch (IOException e) {
                        throw new DomainException("error.file.unreadable", name);
                    }
                });
            }
        } catch (IOException e) {
            throw new DomainException("import.error.notZip");
        } catch (DomainException e) {
            if (e.messageKey().equals("error.file.unreadable")) {
                throw new DomainException("import.error.notZip");
            }
            if (e.messageKey().equals("error.file.compressionBombEntries")) {
                throw new DomainException("import.error.tooManyEntries", inspector.limits().maxArchiveEntries());
            }
            throw e;
        }
        if (count == 0) {
            throw new DomainException("import.error.notZip");
        }
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer)) > 0) {
            int keep = (int) Math.min(read, limit - total);
            out.write(buffer, 0, keep);
            total += keep;
        }
        return out.toByteArray();
    }
}
