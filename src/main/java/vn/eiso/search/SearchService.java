package vn.eiso.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.eiso.base.security.AccessGuard;

/**
 * Search as users and the API see it: every call is filtered by the caller's live grants inside the Lucene
 * query, so a hit, a facet count or a suggestion never reveals what the caller may not read.
 */
@Service
public class SearchService {

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final AccessGuard guard;
    private final Timer searches;
    private final Timer suggestions;

    SearchService(SearchIndex index, SearchIndexer indexer, AccessGuard guard, MeterRegistry metrics) {
        this.index = index;
        this.indexer = indexer;
        this.guard = guard;
        this.searches = latency(metrics, "search");
        this.suggestions = latency(metrics, "suggest");
    }

    private static Timer latency(MeterRegistry metrics, String kind) {
        return Timer.builder("eiso.search").description("Search latency inside the application, by kind")
                .tag("kind", kind).publishPercentileHistogram().register(metrics);
    }

    public SearchResult search(SearchQuery query) {
        SearchResult result = searches.record(() -> index.search(query, guard.caller()));
        if (!indexer.progress().running()) {
            return result;
        }
        List<String> notices = new ArrayList<>(result.notices());
        notices.add("search.notice.rebuilding");
        return new SearchResult(result.total(), result.hits(), result.facets(), notices, result.didYouMean());
    }

    /** Titles and codes for the search box as the user types. */
    public List<SearchHit> suggest(String typed) {
        return suggestions.record(() -> index.suggest(typed, guard.caller(), 8));
    }

    /** Returns once every change committed so far is searchable, e.g. right after the caller's own save. */
    public void catchUp() {
        guard.caller();
        indexer.catchUp();
    }

    /** Recreates the index from the database in the background (administrators). */
    public void rebuild() {
        guard.requireAdministrator();
        indexer.rebuild();
    }

    public RebuildStatus status() {
        guard.requireAdministrator();
        SearchIndexer.Progress p = indexer.progress();
        return new RebuildStatus(p.running(), p.done(), p.total(), p.took() == null ? null : p.took().toMillis(),
                p.failure(), index.size(), indexer.pending());
    }

    /** The index as the administrator screen shows it. */
    public record RebuildStatus(boolean running, long done, long total, Long tookMillis, String failure,
            int entries, int pending) {
    }
}
