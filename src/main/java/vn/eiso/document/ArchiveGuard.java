package vn.eiso.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;

/**
 * Catches decompression bombs by their shape, before any parser inflates them, so the verdict never depends on
 * how busy the machine is. First the central directory: the entry count, every part's declared size and its
 * ratio to its compressed size, and the declared total. Then, because declared sizes can lie, every part is
 * inflated once into nothing while its bytes are counted, and the inflation stops as soon as a part exceeds what
 * it declared or the ratio, or the parts together exceed the total: a lying header costs at most the limits, not
 * the bomb. A second, streaming pass holds the local entries (what a streaming reader would see) to the same
 * totals.
 */
final class ArchiveGuard {

    private final FileLimits limits;

    ArchiveGuard(FileLimits limits) {
        this.limits = limits;
    }

    /** Whether the bytes open like a ZIP (DOCX, XLSX, ODT, ODS, and plain ZIPs all do). */
    static boolean looksLikeZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && (content[2] == 3 && content[3] == 4 || content[2] == 5 && content[3] == 6
                        || content[2] == 7 && content[3] == 8);
    }

    /** Opens an archive by its central directory; one that cannot be read that way is refused as unreadable. */
    static ZipFile open(String name, byte[] zip) {
        try {
            return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                    .setCharset(StandardCharsets.UTF_8).setUseUnicodeExtraFields(true).get();
        } catch (IOException | RuntimeException e) {
            throw new DomainException("error.file.unreadable", name);
        }
    }

    /** Opens an archive on disk (the bulk import's ZIP) by its central directory, without reading it whole. */
    static ZipFile open(String name, java.nio.file.Path zip) {
        try {
            return ZipFile.builder().setPath(zip).setCharset(StandardCharsets.UTF_8).setUseUnicodeExtraFields(true)
                    .get();
        } catch (IOException | RuntimeException e) {
            throw new DomainException("error.file.unreadable", name);
        }
    }

    /**
     * Checks an office package (or any file that is a ZIP inside) entirely: declared shape, every part inflated and
     * counted, and the streaming view. Throws a {@link DomainException} naming the limit that was passed.
     */
    void checkPackage(String name, byte[] zip) {
        try (ZipFile file = open(name, zip)) {
            Budget budget = new Budget(name);
            for (ZipArchiveEntry entry : declared(name, file, zip.length)) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = guarded(name, file, entry, zip.length, budget)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            throw new DomainException("error.file.unreadable", name);
        }
        checkStreaming(name, zip);
    }

    /**
     * The entries of an archive after its declared shape passed: count, sizes, ratios, total. Parts declared larger
     * than {@code maxEntryBytes} are left to the caller (an import reports them one by one).
     */
    List<ZipArchiveEntry> declared(String name, ZipFile file, long archiveBytes) {
        return declared(name, file, archiveBytes, limits.maxArchiveEntries());
    }

    /** The same with an entry limit of the caller's: the bulk import's ZIP holds a unit's whole archive. */
    List<ZipArchiveEntry> declared(String name, ZipFile file, long archiveBytes, int maxEntries) {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        long total = 0;
        for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
            entries.add(entry);
            if (entries.size() > maxEntries) {
                throw new DomainException("error.file.compressionBombEntries", name, maxEntries);
            }
            long size = entry.getSize();
            if (size < 0) {
                continue; // unknown: the inflation pass counts it
            }
            if (size > ratioAllowance(entry.getCompressedSize(), archiveBytes)) {
                throw new DomainException("error.file.compressionBomb", name, limits.maxCompressionRatio());
            }
            total += size;
            if (total > limits.maxInflatedBytes()) {
                throw new DomainException("error.file.compressionBombTotal", name,
                        FileLimits.megabytes(limits.maxInflatedBytes()));
            }
        }
        return entries;
    }

    /**
     * A part's content that refuses to inflate beyond what it declared, beyond the ratio, or beyond what is left
     * of the archive's total.
     */
    InputStream guarded(String name, ZipFile file, ZipArchiveEntry entry, long archiveBytes, Budget budget)
            throws IOException {
        long allowed = ratioAllowance(entry.getCompressedSize(), archiveBytes);
        long declared = entry.getSize() >= 0 ? entry.getSize() : Long.MAX_VALUE;
        return new Counting(file.getInputStream(entry), budget, Math.min(allowed, declared));
    }

    /** A fresh count of what one archive has inflated so far. */
    Budget budget(String name) {
        return new Budget(name);
    }

    private long ratioAllowance(long compressed, long archiveBytes) {
        // A compressed size cannot honestly exceed the archive; an unknown one counts as the whole archive.
        long honest = compressed < 0 || compressed > archiveBytes ? archiveBytes : compressed;
        long byRatio = honest > Long.MAX_VALUE / limits.maxCompressionRatio() ? Long.MAX_VALUE
                : honest * limits.maxCompressionRatio();
        return Math.max(FileLimits.RATIO_GRACE_BYTES, byRatio);
    }

    /**
     * What a streaming reader sees (local headers, which may differ from the central directory): the entry count,
     * and all entries together within the total and within the ratio of the whole archive.
     */
    private void checkStreaming(String name, byte[] zip) {
        Budget budget = new Budget(name);
        long archiveWide = ratioAllowance(zip.length, zip.length);
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++count > limits.maxArchiveEntries()) {
                    throw new DomainException("error.file.compressionBombEntries", name, limits.maxArchiveEntries());
                }
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    budget.add(read);
                    if (budget.used > archiveWide) {
                        throw new DomainException("error.file.compressionBomb", name, limits.maxCompressionRatio());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DomainException("error.file.unreadable", name);
        }
    }

    /** What the parts of one archive have inflated to together. */
    final class Budget {

        private final String name;
        private long used;

        private Budget(String name) {
            this.name = name;
        }

        void add(long bytes) {
            used += bytes;
            if (used > limits.maxInflatedBytes()) {
                throw new DomainException("error.file.compressionBombTotal", name,
                        FileLimits.megabytes(limits.maxInflatedBytes()));
            }
        }
    }

    /** Counts inflated bytes as they come, and stops the part at its allowance. */
    private final class Counting extends FilterInputStream {

        private final Budget budget;
        private final long allowed;
        private long count;

        Counting(InputStream in, Budget budget, long allowed) {
            super(in);
            this.budget = budget;
            this.allowed = allowed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping inflates too: count it by reading.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        private void counted(int n) {
            count += n;
            if (count > allowed) {
                throw new DomainException("error.file.compressionBomb", budget.name, limits.maxCompressionRatio());
            }
            budget.add(n);
        }
    }
}
