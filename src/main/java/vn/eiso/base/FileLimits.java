package vn.eiso.base;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * The one definition of what an upload may be ({@code eiso.files.*}): every screen's upload, the HTTP import, the
 * servlet's multipart limits and the file inspector read it, so a limit changed in the configuration changes
 * everywhere at once.
 *
 * @param maxSize the largest single file (a document's file, a record, evidence, a signed decision)
 * @param maxArchiveSize the largest ZIP for the bulk import of documents (screen, HTTP API, command line)
 * @param maxArchiveEntries the most entries an office package (a DOCX/XLSX/ODT part of a file) may hold
 * @param maxImportEntries the most entries the bulk import's ZIP may hold: a unit's whole archive, so far more
 *     than a package
 * @param maxCompressionRatio the most a part of an archive may inflate relative to its compressed size, for
 *     parts larger than {@link #RATIO_GRACE_BYTES} (small parts are harmless whatever their ratio)
 * @param maxInflatedSize the most all parts of one archive may inflate to together
 * @param extractionTimeout how long the text of one file may take to extract
 */
@ConfigurationProperties("eiso.files")
public record FileLimits(
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("512MB") DataSize maxArchiveSize,
        @DefaultValue("5000") int maxArchiveEntries,
        @DefaultValue("50000") int maxImportEntries,
        @DefaultValue("100") int maxCompressionRatio,
        @DefaultValue("1GB") DataSize maxInflatedSize,
        @DefaultValue("60s") @DurationUnit(ChronoUnit.SECONDS) Duration extractionTimeout) {

    /** Parts up to this size are not held to the compression ratio: a small run of blanks compresses very well. */
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    /** The defaults, as the configuration gives them when nothing is set. */
    public static final FileLimits DEFAULTS = new FileLimits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(512),
            5000, 50000, 100, DataSize.ofGigabytes(1), Duration.ofSeconds(60));

    public FileLimits {
        if (maxSize.toBytes() <= 0 || maxArchiveSize.toBytes() <= 0 || maxInflatedSize.toBytes() <= 0
                || maxArchiveEntries <= 0 || maxImportEntries <= 0 || maxCompressionRatio <= 0
                || extractionTimeout.isNegative() || extractionTimeout.isZero()) {
            throw new IllegalArgumentException("eiso.files.* limits must be positive: " + maxSize + ", "
                    + maxArchiveSize + ", " + maxArchiveEntries + ", " + maxImportEntries + ", " + maxCompressionRatio
                    + ", " + maxInflatedSize
                    + ", " + extractionTimeout);
        }
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }

    public long maxArchiveBytes() {
        return maxArchiveSize.toBytes();
    }

    public long maxInflatedBytes() {
        return maxInflatedSize.toBytes();
    }

    /** The largest upload any screen or endpoint takes: what the servlet's multipart limit must let through. */
    public long largestUploadBytes() {
        return Math.max(maxBytes(), maxArchiveBytes());
    }

    /** A size in whole megabytes (at least 1) for messages. */
    public static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
