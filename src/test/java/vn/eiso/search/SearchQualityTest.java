package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.Grant;

/**
 * The known answers of the quality set are found in the first ten hits, over a slice of the shared legal corpus
 * (40 texts split into articles, eight of them stored in decomposed Unicode) kept in the test resources.
 */
class SearchQualityTest {

    private static final Caller ADMIN = new Caller(new UserId(1), "admin",
            List.of(new Grant(new UnitId(1), "T", "T", Role.ADMINISTRATOR)));

    @TempDir
    static Path folder;
    static SearchIndex index;

    @BeforeAll
    static void indexTheSlice() throws Exception {
        index = SearchIndex.open(folder);
        List<SearchEntry> entries = new ArrayList<>();
        try (InputStream in = SearchQualityTest.class.getResourceAsStream("/search/vn-legal-slice.jsonl.gz")) {
            LegalCorpus.read(in, text -> entries.addAll(LegalCorpus.articles(text, 0, 20)));
        }
        index.rebuild(sink -> entries.forEach(sink), "quality", 0, 2, done -> { });
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void every_known_answer_is_in_the_first_ten_hits() {
        List<QualitySet.Query> queries = QualitySet.load();
        QualitySet.Report report = QualitySet.evaluate(index, ADMIN, queries);
        assertThat(report.misses()).isEmpty();
        assertThat(queries).extracting(QualitySet.Query::kind)
                .contains("phrase", "phrase-folded-unquoted", "heading", "heading-folded", "code");
    }

    /**
     * Typing the diacritics right never ranks the answer lower than typing the same words without them; NFD
     * answers as NFC; every kind of the known-item set reaches recall@10 and MRR of 0.99. The figures per kind
     * are printed, so a change that trades one kind for another shows.
     */
    @Test
    void known_items_rank_no_worse_with_diacritics_than_without() {
        Map<Integer, Map<String, Integer>> ranks = new TreeMap<>();
        Map<String, List<QualitySet.Query>> byKind = new TreeMap<>();
        List<String> notFirst = new ArrayList<>();
        for (QualitySet.Query q : QualitySet.knownItems()) {
            int rank = QualitySet.rank(index, ADMIN, q);
            ranks.computeIfAbsent(q.group(), g -> new TreeMap<>()).put(q.kind(), rank);
            byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q);
            if (rank != 1) {
                notFirst.add(q.kind() + " " + rank + " " + q.text());
            }
        }
        List<String> worse = new ArrayList<>();
        ranks.forEach((group, forms) -> {
            Integer folded = forms.get("folded");
            if (folded == null) {
                return;
            }
            int exact = forms.get("exact");
            if (folded > 0 && (exact == 0 || exact > folded)) {
                worse.add("group " + group + ": folded " + folded + ", exact " + exact);
            }
            if (!forms.get("nfd").equals(exact)) {
                worse.add("group " + group + ": exact " + exact + ", nfd " + forms.get("nfd"));
            }
        });
        List<String> figures = new ArrayList<>();
        byKind.forEach((kind, queries) -> {
            QualitySet.Report report = QualitySet.evaluate(index, ADMIN, queries);
            figures.add(String.format(Locale.ROOT, "%-18s %3d queries  recall@10 %.3f  MRR %.3f  missed %s", kind,
                    queries.size(), report.recallAt10(), report.mrr(),
                    report.misses().stream().map(QualitySet.Query::text).toList()));
        });
        System.out.println("Known-item set:\n" + String.join("\n", figures) + "\nNot first (kind, rank, query):\n"
                + String.join("\n", notFirst));
        assertThat(worse).isEmpty();
        byKind.forEach((kind, queries) -> {
            QualitySet.Report report = QualitySet.evaluate(index, ADMIN, queries);
            assertThat(report.recallAt10()).as("recall@10 of %s", kind).isGreaterThanOrEqualTo(0.99);
            assertThat(report.mrr()).as("MRR of %s", kind).isGreaterThanOrEqualTo(0.99);
        });
        assertThat(byKind.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void document_numbers_and_quoted_phrases_rank_their_answer_first() {
        List<QualitySet.Query> exact = QualitySet.load().stream()
                .filter(q -> q.kind().equals("code") || q.kind().equals("phrase")).toList();
        assertThat(QualitySet.evaluate(index, ADMIN, exact).mrr()).isEqualTo(1.0);
    }
}
