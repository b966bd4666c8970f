package vn.eiso.search;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A feature that has something to find. Search owns the index; each feature says what its entries are, so
 * search never reads another feature's tables and new features (audits, nonconformities) plug in the same way.
 * Implementations read without the caller's permissions: the index is filtered per user at query time.
 */
public interface SearchSource {

    /** The audit-trail target types whose changes alter this source's entries. */
    Set<String> targets();

    /** The entries that stand for a changed target now, replacing every earlier entry of the same owner. */
    Refresh refresh(String targetType, long targetId);

    /** Every entry, for a full rebuild; streamed, because a province holds millions. */
    void forEach(Consumer<SearchEntry> sink);

    /** About how many entries {@link #forEach} will give, for the rebuild's progress bar. */
    long size();

    /** An owner's entries after a change: empty when the owner is gone. */
    record Refresh(String owner, List<SearchEntry> entries) {
    }
}
