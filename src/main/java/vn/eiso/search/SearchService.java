package vn.eiso.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.organisation.UnitNames;

/**
 * Search as users and the API see it: every call is filtered by the caller's live grants inside the Lucene
 * query, so a hit, a facet count or a suggestion never reveals what the caller may not read.
 */
@Service
public class SearchService {

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final AccessGuard guard;
    private final UnitNames unitNames;
    private final Timer searches;
    private final Timer suggestions;

    SearchService(SearchIndex index, SearchIndexer indexer, AccessGuard guard, UnitNames unitNames,
            MeterRegistry metrics) {
        this.index = index;
        this.indexer = indexer;
        this.guard = guard;
        this.unitNames = unitNames;
        this.searches = latency(metrics, "search");
        this.suggestions = latency(metrics, "suggest");
    }

    private static Timer latency(MeterRegistry metrics, String kind) {
        return Timer.builder("eiso.search").description("Search latency inside the application, by kind")
                .tag("kind", kind).publishPercentileHistogram().register(metrics);
    }

    public SearchResult search(SearchQuery query) {
        SearchResult result = labelled(searches.record(() -> index.search(query, guard.caller())));
        if (!indexer.progress().running()) {
            return result;
        }
        List<String> notices = new ArrayList<>(result.notices());
        notices.add("search.notice.rebuilding");
        return new SearchResult(result.total(), result.hits(), result.facets(), notices, result.didYouMean());
    }

    /** Titles and codes for the search box as the user types. */
    public List<SearchHit> suggest(String typed) {
        return suggestions.record(() -> labelled(index.suggest(typed, guard.caller(), 8)));
    }

    /**
     * The public register's search, deliberately anonymous: whoever is signed in on this browser, it finds only
     * {@link Visibility#PUBLIC} entries (published announcement decisions), never anything of a unit's own.
     */
    public List<SearchHit> searchAnonymously(String text, int limit) {
        SearchQuery query = new SearchQuery(text, null, null, null, null, true, null, SearchQuery.Sort.RELEVANCE, 0,
                limit);
        return searches.record(() -> index.search(query, SearchIndex.ANONYMOUS)).hits();
    }

    /**
     * Shows each unit under its name now: the index keeps the name an entry was indexed with, so a renamed unit
     * would otherwise keep its old label in hits and facets until its entries happen to be indexed again.
     */
    private SearchResult labelled(SearchResult result) {
        List<SearchResult.FacetCount> unitFacet = result.facets().getOrDefault(SearchResult.UNIT, List.of());
        Set<UnitId> ids = new LinkedHashSet<>();
        result.hits().forEach(h -> ids.add(h.unit()));
        unitFacet.forEach(f -> ids.add(new UnitId(Long.parseLong(f.value()))));
        Map<UnitId, String> names = unitNames.namesOf(ids);
        if (names.isEmpty()) {
            return result;
        }
        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>(result.facets());
        if (!unitFacet.isEmpty()) {
            facets.put(SearchResult.UNIT, unitFacet.stream()
                    .map(f -> new SearchResult.FacetCount(f.value(),
                            names.getOrDefault(new UnitId(Long.parseLong(f.value())), f.label()), f.count()))
                    .sorted(Comparator.comparingLong(SearchResult.FacetCount::count).reversed()
                            .thenComparing(SearchResult.FacetCount::label))
                    .toList());
        }
        return new SearchResult(result.total(), relabelled(result.hits(), names), facets, result.notices(),
                result.didYouMean());
    }

    private List<SearchHit> labelled(List<SearchHit> hits) {
        return relabelled(hits, unitNames.namesOf(hits.stream().map(SearchHit::unit).toList()));
    }

    private static List<SearchHit> relabelled(List<SearchHit> hits, Map<UnitId, String> names) {
        return hits.stream().map(h -> new SearchHit(h.key(), h.route(), h.history(), h.title(), h.code(),
                h.revision(), h.unit(), names.getOrDefault(h.unit(), h.unitName()), h.type(), h.status(), h.date(),
                h.score(), h.snippet())).toList();
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
