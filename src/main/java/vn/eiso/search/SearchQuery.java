package vn.eiso.search;

import java.util.Set;
import vn.eiso.base.UnitId;

/**
 * What a user asks for. Empty filter sets mean "any". Without explicit statuses, superseded and obsolete
 * revisions are left out unless {@code includeOutdated}.
 *
 * @param history only the entries of one item's history (an entry's {@link SearchEntry#history()} key)
 * @param similar   "more like this": a few of the text's words suffice (see {@link #similarTo})
 */
public record SearchQuery(String text, Set<UnitId> units, Set<String> types, Set<String> statuses,
        Set<Integer> years, boolean includeOutdated, String history, Sort sort, int offset, int limit,
        boolean similar) {

    public static final int MAX_LIMIT = 100;

    public enum Sort { RELEVANCE, NEWEST }

    public SearchQuery {
        text = text == null ? "" : text;
        units = units == null ? Set.of() : Set.copyOf(units);
        types = types == null ? Set.of() : Set.copyOf(types);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        years = years == null ? Set.of() : Set.copyOf(years);
        sort = sort == null ? Sort.RELEVANCE : sort;
        offset = Math.max(0, Math.min(offset, 10_000));
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** A query someone typed: most of its words must match. */
    public SearchQuery(String text, Set<UnitId> units, Set<String> types, Set<String> statuses, Set<Integer> years,
            boolean includeOutdated, String history, Sort sort, int offset, int limit) {
        this(text, units, types, statuses, years, includeOutdated, history, sort, offset, limit, false);
    }

    /**
     * Entries of these types like the given text: a few shared words are enough, the best first. Its result has
     * hits only (no facets, snippets or spelling), and its total is a lower bound.
     */
    public static SearchQuery similarTo(String text, Set<String> types, int limit) {
        return new SearchQuery(text, null, types, null, null, true, null, Sort.RELEVANCE, 0, limit, true);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, false, null, Sort.RELEVANCE, 0, 20);
    }

    public SearchQuery page(int newOffset, int newLimit) {
        return new SearchQuery(text, units, types, statuses, years, includeOutdated, history, sort, newOffset,
                newLimit);
    }

    public SearchQuery filtered(Set<UnitId> newUnits, Set<String> newTypes, Set<String> newStatuses,
            Set<Integer> newYears) {
        return new SearchQuery(text, newUnits, newTypes, newStatuses, newYears, includeOutdated, history, sort,
                offset, limit);
    }

    public SearchQuery withOutdated(boolean include) {
        return new SearchQuery(text, units, types, statuses, years, include, history, sort, offset, limit);
    }

    public SearchQuery inHistory(String historyKey) {
        return new SearchQuery(text, units, types, statuses, years, true, historyKey, sort, offset, limit);
    }

    public SearchQuery sorted(Sort newSort) {
        return new SearchQuery(text, units, types, statuses, years, includeOutdated, history, newSort, offset,
                limit);
    }
}
