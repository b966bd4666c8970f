package vn.eiso.search.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitService;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchResult;
import vn.eiso.search.SearchService;

/**
 * {@code GET /api/v1/search}: the same search, permissions and facets as the screen, as JSON. Authenticated
 * with HTTP Basic or a personal API token ({@code Authorization: Bearer eiso_…}).
 */
@RestController
class SearchApiController {

    private final SearchService search;
    private final UnitService units;

    SearchApiController(SearchService search, UnitService units) {
        this.search = search;
        this.units = units;
    }

    record Hit(String id, String title, String code, Integer revision, Unit unit, String type, String status,
            float score, String snippet, String date, String url) {
    }

    record Unit(long id, String name) {
    }

    record Response(long total, List<Hit> hits, Map<String, List<SearchResult.FacetCount>> facets,
            List<String> notices, String didYouMean) {
    }

    @GetMapping("/api/v1/search")
    Response search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> unit,
            @RequestParam(required = false) Set<String> type, @RequestParam(required = false) Set<String> status,
            @RequestParam(required = false) Set<Integer> year, @RequestParam(defaultValue = "false") boolean outdated,
            @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new DomainException("error.api.limit", SearchQuery.MAX_LIMIT);
        }
        if (offset < 0 || offset > 10_000) {
            throw new DomainException("error.api.offset");
        }
        Set<UnitId> unitIds = unit == null ? Set.of()
                : unit.stream().map(code -> units.byCode(code).id()).collect(Collectors.toSet());
        SearchQuery query = new SearchQuery(q, unitIds, upper(type), upper(status), year, outdated, null,
                "newest".equalsIgnoreCase(sort) ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE, offset, limit);
        SearchResult result = search.search(query);
        return new Response(result.total(), result.hits().stream().map(SearchApiController::hit).toList(),
                result.facets(), result.notices(), result.didYouMean());
    }

    private static Set<String> upper(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> v.strip().toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Hit hit(SearchHit h) {
        return new Hit(h.key(), h.title(), h.code(), h.revision(), new Unit(h.unit().value(), h.unitName()),
                h.type(), h.status(), h.score(), h.snippet(), h.date() == null ? null : h.date().toString(),
                "/" + h.route());
    }
}
