package vn.eiso.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, how many there are in all, facet counts over all of them, and notices for the user as
 * message keys (an empty query, a shortened one, an index being rebuilt).
 *
 * @param didYouMean for a query typed without diacritics, the same words as the index most often writes them
 *                   ({@code quy trinh} → {@code quy trình}), when the caller would find that; otherwise null
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
        List<String> notices, String didYouMean) {

    public static final String TYPE = "type";
    public static final String UNIT = "unit";
    public static final String STATUS = "status";
    public static final String YEAR = "year";

    /** A facet value: {@code value} goes back into the query, {@code label} is shown. */
    public record FacetCount(String value, String label, long count) {
    }
}
