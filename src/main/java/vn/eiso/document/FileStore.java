package vn.eiso.document;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the bytes of attachments live, addressed by their SHA-256: the same file attached twice is stored once,
 * and stored bytes never change. A file is stored before the row that names it commits, so a crash or a rollback
 * can leave a file that no row names; {@link #sweep} removes those (ADR 15).
 */
interface FileStore {

    /**
     * Stores the content, or marks content already stored as written now: the writer's transaction is about to name
     * it, and a sweep must not take it as an orphan meanwhile.
     */
    void put(String sha256, byte[] content);

    byte[] get(String sha256);

    /**
     * Removes stored files written before {@code cutoff} that {@code referenced} (given a batch of hashes, the ones
     * some row names) does not claim, and leftovers of interrupted writes and sweeps from before it.
     */
    SweepResult sweep(Instant cutoff, Function<Collection<String>, Set<String>> referenced);

    /** What a sweep saw: files it looked at, unreferenced ones it removed, and leftovers of interrupted writes. */
    record SweepResult(long checked, long removed, long leftovers) {
    }
}
