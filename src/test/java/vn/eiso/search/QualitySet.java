package vn.eiso.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.eiso.base.security.AccessGuard.Caller;

/**
 * Vietnamese queries with known answers over the legal corpus (src/test/resources/search/quality-queries.tsv):
 * phrases with and without diacritics, article headings, document numbers; some answers are NFD texts.
 */
public final class QualitySet {

    /** {@code group} ties the forms of one known item together (its folded, exact, NFD and quoted forms). */
    public record Query(String text, String expected, String kind, int group) {
        boolean answeredBy(SearchHit hit) {
            return expected.startsWith("doc:") ? expected.equals(hit.history()) : expected.equals(hit.key());
        }
    }

    /** Recall at 10, mean reciprocal rank (over the first 10), and the queries whose answer was not found. */
    public record Report(double recallAt10, double mrr, List<Query> misses) {
    }

    private QualitySet() {
    }

    public static List<Query> load() {
        return load("/search/quality-queries.tsv");
    }

    /**
     * The known-item set (src/test/resources/search/known-items.tsv, made by make-known-items.py): 120 spans that
     * occur once in the shared corpus, each asked folded, exact, NFD and quoted, and document numbers as written,
     * folded, in lower case and kind first.
     */
    public static List<Query> knownItems() {
        return load("/search/known-items.tsv");
    }

    private static List<Query> load(String resource) {
        try (InputStream in = QualitySet.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Query> out = new ArrayList<>();
            for (String line : reader.lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split("\t");
                    out.add(new Query(parts[0], parts[1], parts[2],
                            parts.length > 3 ? Integer.parseInt(parts[3]) : out.size()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every revision counts here (drafts and superseded ones too): the caller should be an administrator. */
    public static Report evaluate(SearchIndex index, Caller caller, List<Query> queries) {
        return report(queries, q -> rank(index, caller, q));
    }

    /** Recall at 10 and MRR of queries whose answers stand at {@code rank} (1 = first, 0 = not in the first ten). */
    public static Report report(List<Query> queries, java.util.function.ToIntFunction<Query> rank) {
        double reciprocal = 0;
        List<Query> misses = new ArrayList<>();
        for (Query q : queries) {
            int at = rank.applyAsInt(q);
            if (at == 0) {
                misses.add(q);
            } else {
                reciprocal += 1.0 / at;
            }
        }
        return new Report(1.0 - (double) misses.size() / queries.size(), reciprocal / queries.size(), misses);
    }

    /** Where the query's answer stands among the first ten hits (1 = first), or 0 when it is not there. */
    public static int rank(SearchIndex index, Caller caller, Query q) {
        List<SearchHit> hits = index.search(SearchQuery.of(q.text()).withOutdated(true).page(0, 10), caller).hits();
        for (int i = 0; i < hits.size(); i++) {
            if (q.answeredBy(hits.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
