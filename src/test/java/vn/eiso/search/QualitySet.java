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

    public record Query(String text, String expected, String kind) {
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
        try (InputStream in = QualitySet.class.getResourceAsStream("/search/quality-queries.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Query> out = new ArrayList<>();
            for (String line : reader.lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split("\t");
                    out.add(new Query(parts[0], parts[1], parts[2]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every revision counts here (drafts and superseded ones too): the caller should be an administrator. */
    public static Report evaluate(SearchIndex index, Caller caller, List<Query> queries) {
        double reciprocal = 0;
        List<Query> misses = new ArrayList<>();
        for (Query q : queries) {
            List<SearchHit> hits = index.search(SearchQuery.of(q.text()).withOutdated(true).page(0, 10), caller)
                    .hits();
            int rank = 0;
            for (int i = 0; i < hits.size() && rank == 0; i++) {
                if (q.answeredBy(hits.get(i))) {
                    rank = i + 1;
                }
            }
            if (rank == 0) {
                misses.add(q);
            } else {
                reciprocal += 1.0 / rank;
            }
        }
        return new Report(1.0 - (double) misses.size() / queries.size(), reciprocal / queries.size(), misses);
    }
}
