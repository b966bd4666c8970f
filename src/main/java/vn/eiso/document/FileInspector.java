package vn.eiso.document;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.FileNames;

/**
 * Checks an uploaded file before anything is stored: a sound name, a size within the limit, a type detected from
 * the bytes (never from the extension) among the accepted ones, an archive's shape within the limits (see
 * {@link ArchiveGuard}; a decompression bomb is refused before anything parses it), and text that can be
 * extracted. Limits come from {@link FileLimits} ({@code eiso.files.*}). Extraction runs
 * on a small bounded pool with a time limit and a character limit, so a hostile file (a zip bomb, a PDF that never
 * ends) fails alone instead of taking the web sessions down.
 */
@Component
class FileInspector {

    /** What was learnt about a file that passed. */
    record Inspected(String fileName, String contentType, long size, String sha256, String text) {
    }

    private static final int MAX_TEXT_CHARS = 5_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(FileInspector.class);

    /**
     * Accepted types and the extensions a name of that type may have, the usual one first: a name with another
     * extension gets the usual one (ADR 0019), so that what a download claims to be is what it is.
     */
    static final Map<String, List<String>> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", List.of("pdf")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
            Map.entry("application/vnd.oasis.opendocument.text", List.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", List.of("ods")),
            Map.entry("application/msword", List.of("doc", "dot")),
            Map.entry("application/vnd.ms-excel", List.of("xls", "xlt")),
            Map.entry("image/png", List.of("png")),
            Map.entry("image/jpeg", List.of("jpg", "jpeg", "jpe")),
            Map.entry("image/tiff", List.of("tif", "tiff")),
            Map.entry("text/plain", List.of("txt", "csv", "log", "text")));

    /** Office types that carry VBA macros: refused with their own message rather than as an unknown type. */
    private static final Set<String> MACRO_TYPES = Set.of("application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.ms-word.template.macroenabledtemplate", "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-excel.template.macroenabled.12", "application/vnd.ms-excel.addin.macroenabled.12",
            "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12",
            "application/vnd.ms-powerpoint.slideshow.macroenabled.12");
    /** Where a legacy (OLE2) Word or Excel file keeps its VBA project. */
    private static final Set<String> OLE2_MACRO_ENTRIES = Set.of("macros", "_vba_project_cur", "_vba_project", "vba");
    /** Extensions Tika knows a type for: such an extension claims a type, and is replaced rather than kept. */
    private static final MimeTypes KNOWN = MimeTypes.getDefaultMimeTypes();

    private final FileLimits limits;
    private final ArchiveGuard archives;
    private final Detector detector = new DefaultDetector();
    private final AutoDetectParser parser = new AutoDetectParser();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(32), r -> {
                Thread t = new Thread(r, "file-inspector");
                t.setDaemon(true);
                return t;
            });

    FileInspector(FileLimits limits) {
        this.limits = limits;
        this.archives = new ArchiveGuard(limits);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Files waiting for a text-extraction thread (the pool's queue), for the metrics. */
    int waiting() {
        return pool.getQueue().size();
    }

    int extracting() {
        return pool.getActiveCount();
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    FileLimits limits() {
        return limits;
    }

    ArchiveGuard archives() {
        return archives;
    }

    Inspected inspect(String originalName, byte[] content) {
        String name = FileNames.clean(originalName);
        FileNames.refuseExecutable(name);
        if (content.length == 0) {
            throw new DomainException("error.file.empty", name);
        }
        if (content.length > limits.maxBytes()) {
            throw new DomainException("error.file.tooLarge", name, FileLimits.megabytes(limits.maxBytes()));
        }
        if (ArchiveGuard.looksLikeZip(content)) {
            // Before detection: the detector itself opens the package's parts.
            archives.checkPackage(name, content);
            refuseVbaProject(name, content);
        }
        String type = detect(content);
        if (MACRO_TYPES.contains(type)) {
            throw new DomainException("error.file.macros", name);
        }
        if (!ACCEPTED.containsKey(type)) {
            throw new DomainException("error.file.type", name, type);
        }
        if (type.equals("application/msword") || type.equals("application/vnd.ms-excel")) {
            refuseOle2Macros(name, content);
        }
        String stored = FileNames.withExtension(name, ACCEPTED.get(type), FileInspector::claimsType);
        return new Inspected(stored, type, content.length, sha256(content), extract(stored, content));
    }

    /**
     * The name a stored file is served under: cleaned again and with its type's extension, so that files stored
     * before these rules (ADR 0019) download as safely as new ones.
     */
    static String servedName(String stored, String contentType) {
        String name;
        try {
            name = FileNames.clean(stored);
        } catch (DomainException e) {
            name = "tep";
        }
        return FileNames.withExtension(name, ACCEPTED.getOrDefault(contentType, List.of("bin")),
                FileInspector::claimsType);
    }

    /** Whether an extension names some type (".doc", ".html"), rather than being part of the name (".2014"). */
    private static boolean claimsType(String extension) {
        try {
            return !KNOWN.getMimeType("x." + extension).getName().equals(MimeTypes.OCTET_STREAM);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A package with a VBA project inside carries macros whatever its declared type says (a renamed .docm). */
    private static void refuseVbaProject(String name, byte[] zip) {
        try (ZipFile file = ArchiveGuard.open(name, zip)) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                String part = entry.getName().replace('\\', '/').toLowerCase(Locale.ROOT);
                if (part.equals("vbaproject.bin") || part.endsWith("/vbaproject.bin")) {
                    throw new DomainException("error.file.macros", name);
                }
            }
        } catch (IOException e) {
            throw new DomainException("error.file.unreadable", name);
        }
    }

    /** A legacy Word or Excel file keeps its macros in a storage of its own ("Macros", "_VBA_PROJECT_CUR"). */
    private static void refuseOle2Macros(String name, byte[] content) {
        try (POIFSFileSystem ole2 = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (holdsMacros(ole2.getRoot())) {
                throw new DomainException("error.file.macros", name);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            throw new DomainException("error.file.unreadable", name);
        }
    }

    private static boolean holdsMacros(DirectoryEntry directory) {
        for (Entry entry : directory) {
            if (OLE2_MACRO_ENTRIES.contains(entry.getName().toLowerCase(Locale.ROOT))
                    || entry instanceof DirectoryEntry child && holdsMacros(child)) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String detect(byte[] content) {
        try (InputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new DomainException("error.file.unreadable", "");
        }
    }

    private String extract(String name, byte[] content) {
        Future<String> job;
        try {
            job = pool.submit(() -> parse(content));
        } catch (RejectedExecutionException e) {
            throw new DomainException("error.file.busy");
        }
        try {
            return job.get(limits.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new DomainException("error.file.tooSlow", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("error.file.unreadable", name);
        } catch (ExecutionException e) {
            LOG.info("cannot extract text from {}: {}", name, e.getCause().toString());
            throw new DomainException("error.file.unreadable", name);
        }
    }

    private String parse(byte[] content) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(MAX_TEXT_CHARS);
        try (InputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, new Metadata(), new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
        } catch (OutOfMemoryError e) {
            // Should a decompression bomb slip past the archive checks: this file fails, the application lives.
            throw new IOException("out of memory while extracting", e);
        }
        return handler.toString().strip();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
