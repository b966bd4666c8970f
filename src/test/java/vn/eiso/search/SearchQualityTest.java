package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        index.rebuild(sink -> entries.forEach(sink), "quality", 2, done -> { });
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

    @Test
    void document_numbers_and_quoted_phrases_rank_their_answer_first() {
        List<QualitySet.Query> exact = QualitySet.load().stream()
                .filter(q -> q.kind().equals("code") || q.kind().equals("phrase")).toList();
        assertThat(QualitySet.evaluate(index, ADMIN, exact).mrr()).isEqualTo(1.0);
    }
}
