package vn.eiso.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the hits, and every hit's value in a few single-valued doc-values fields. Counting by segment ordinal and
 * resolving only the non-zero ordinals keeps it to an array increment per hit and field. It asks for no scores, so
 * a search reads only the clauses that decide what matches.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, FacetCounter.Counted> {

    /** The number of hits, and per field each value's count. */
    record Counted(long total, Map<String, Map<String, Long>> values) {
    }

    private final List<String> fields;

    FacetCounter(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Counts newCollector() {
        return new Counts();
    }

    @Override
    public Counted reduce(Collection<Counts> collectors) {
        Map<String, Map<String, Long>> values = new HashMap<>();
        long total = 0;
        for (Counts counts : collectors) {
            total += counts.hits;
            counts.values.forEach((field, byValue) -> byValue.forEach(
                    (value, n) -> values.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Long::sum)));
        }
        return new Counted(total, values);
    }

    final class Counts implements Collector {

        private final Map<String, Map<String, Long>> values = new HashMap<>();
        private long hits;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues[] docValues = new SortedDocValues[fields.size()];
            int[][] counts = new int[fields.size()][];
            for (int f = 0; f < docValues.length; f++) {
                docValues[f] = DocValues.getSorted(context.reader(), fields.get(f));
                counts[f] = new int[docValues[f].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    hits++;
                    for (int f = 0; f < docValues.length; f++) {
                        if (docValues[f].advanceExact(doc)) {
                            counts[f][docValues[f].ordValue()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int f = 0; f < docValues.length; f++) {
                        Map<String, Long> field = values.computeIfAbsent(fields.get(f), k -> new HashMap<>());
                        for (int ord = 0; ord < counts[f].length; ord++) {
                            if (counts[f][ord] > 0) {
                                field.merge(docValues[f].lookupOrd(ord).utf8ToString(), (long) counts[f][ord],
                                        Long::sum);
                            }
                        }
                    }
                }
            };
        }
    }
}
