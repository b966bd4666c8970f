package vn.eiso.document;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;

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

    static final int MAX_NAME = 255;
    private static final int MAX_TEXT_CHARS = 5_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(FileInspector.class);

    /** Accepted types and the extension a download gets when the name lacks one. */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
            Map.entry("application/vnd.oasis.opendocument.text", ".odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
            Map.entry("application/msword", ".doc"),
            Map.entry("application/vnd.ms-excel", ".xls"),
            Map.entry("image/png", ".png"),
            Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/tiff", ".tif"),
            Map.entry("text/plain", ".txt"));

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
        String name = fileName(originalName);
        if (content.length == 0) {
            throw new DomainException("error.file.empty", name);
        }
        if (content.length > limits.maxBytes()) {
            throw new DomainException("error.file.tooLarge", name, FileLimits.megabytes(limits.maxBytes()));
        }
        if (ArchiveGuard.looksLikeZip(content)) {
            // Before detection: the detector itself opens the package's parts.
            archives.checkPackage(name, content);
        }
        String type = detect(content);
        if (!ACCEPTED.containsKey(type)) {
            throw new DomainException("error.file.type", name, type);
        }
        return new Inspected(name, type, content.length, sha256(content), extract(name, content));
    }

    /** Refuses names a user could not have meant: paths, control characters, overlong ones. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new DomainException("error.file.nameMissing");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new DomainException("error.file.namePath", name);
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x7F)) {
            throw new DomainException("error.file.nameControl");
        }
        if (name.length() > MAX_NAME) {
            throw new DomainException("error.file.nameTooLong", MAX_NAME);
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC);
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
