package vn.eiso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.Grant;
import vn.eiso.search.LegalCorpus;
import vn.eiso.search.QualitySet;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchIndex;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchResult;

/**
 * {@code ./bench search --corpus=PATH [--docs=N] [--no-postgres]}: the legal corpus split into articles, indexed
 * (throughput, and the full rebuild of the corpus as is), the quality set (recall@10, MRR), then, scaled by
 * repeating the articles under new keys to N entries, query latency for a fixed mix with facets, highlighting and
 * the permission filter, beside PostgreSQL full-text search (tsvector, unaccent, GIN) over the same entries.
 */
final class SearchBench {

    private static final int UNITS = 500;
    private static final int WARM_UP = 20;
    private static final int RUNS = 100;
    /** One syllable, syllables typed without diacritics, a phrase, a code, a rare term. */
    private static final Map<String, String> MIX = new java.util.LinkedHashMap<>();

    static {
        MIX.put("one syllable", "thuế");
        MIX.put("syllables without diacritics", "giay phep xay dung");
        MIX.put("phrase", "\"trách nhiệm thi hành\"");
        MIX.put("code", "49/2026/NĐ-CP");
        MIX.put("rare term", "suối");
    }

    private SearchBench() {
    }

    static void run(List<String> options) throws Exception {
        Path corpus = Path.of(option(options, "--corpus=", "../shared/corpus/vn-legal.jsonl.gz"));
        boolean postgres = !options.contains("--no-postgres");
        List<LegalCorpus.Text> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(corpus)) {
            LegalCorpus.read(in, texts::add);
        }
        List<SearchEntry> articles = new ArrayList<>();
        long chars = 0;
        for (LegalCorpus.Text text : texts) {
            chars += text.text().length();
            articles.addAll(LegalCorpus.articles(text, 0, UNITS));
        }
        int docs = Integer.parseInt(option(options, "--docs=", Integer.toString(articles.size())));
        System.out.printf(Locale.ROOT, "%n== Search: %d texts, %,d characters, %,d articles; %d cores%n",
                texts.size(), chars, articles.size(), Runtime.getRuntime().availableProcessors());

        String keep = option(options, "--keep=", null);
        Path folder = keep == null ? Files.createTempDirectory("eiso-bench-index") : Path.of(keep);
        Caller admin = new Caller(new UserId(1), "admin", List.of(new Grant(new UnitId(1), "T", "T",
                Role.ADMINISTRATOR)));
        try (SearchIndex index = SearchIndex.open(folder)) {
            if (index.size() == docs) {
                // Kept from an earlier run (--keep): only the queries are measured again.
                System.out.printf(Locale.ROOT, "index of %,d entries kept in %s%n", docs, folder);
                articles = scaled(articles, docs);
            } else {
                articles = built(index, articles, docs, admin);
            }
            System.out.printf(Locale.ROOT, "index: %,d entries, %.0f MB on disk%n", index.size(),
                    folderSize(folder) / 1e6);

            Caller dost = new Caller(new UserId(2), "sokhcn", List.of(new Grant(new UnitId(UNITS + 1), "SKHCN",
                    "Sở KH&CN", Role.OVERSIGHT)));
            Caller officer = new Caller(new UserId(3), "thuky", List.of(new Grant(new UnitId(7), "U7", "U7",
                    Role.QUALITY_OFFICER), new Grant(new UnitId(8), "U8", "U8", Role.STAFF)));
            // The fixed cost of a search: parsing, the permission filter, an empty page, empty facets.
            SearchQuery nothing = SearchQuery.of("zzqxw").page(0, 10);
            Stats baseline = measure(() -> index.search(nothing, dost));
            System.out.printf(Locale.ROOT, "%nLucene, %,d entries (page of 10 with snippets, 4 facets, permission "
                    + "filter)%n%-42s %s%n", index.size(), "baseline: a word found nowhere", baseline);
            List<Double> all = new ArrayList<>();
            Map<String, Stats> lucene = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> q : MIX.entrySet()) {
                SearchQuery query = SearchQuery.of(q.getValue()).page(0, 10);
                SearchResult sample = index.search(query, dost);
                Stats stats = measure(() -> index.search(query, dost), all);
                lucene.put(q.getKey(), stats);
                System.out.printf(Locale.ROOT, "%-42s %s  hits %,d%n", q.getKey() + " (science dept.)", stats,
                        sample.total());
                Stats unit = measure(() -> index.search(query, officer));
                System.out.printf(Locale.ROOT, "%-42s %s%n", q.getKey() + " (unit officer)", unit);
            }
            Stats mix = Stats.of(all.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "%-42s %s%n", "whole mix (science dept.)", mix);
            Stats suggest = measure(() -> index.suggest("quy trình cấp gi", dost, 8));
            System.out.printf(Locale.ROOT, "%-42s %s%n", "suggestions while typing", suggest);

            if (postgres) {
                postgres(articles, lucene, mix, keep != null);
            }
        } finally {
            if (keep == null) {
                try (var walk = Files.walk(folder)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The corpus indexed as is (throughput, quality), then scaled to {@code docs} entries: what is searched. */
    private static List<SearchEntry> built(SearchIndex index, List<SearchEntry> articles, int docs, Caller admin) {
        long bytes = articles.stream().mapToLong(SearchBench::utf8Bytes).sum();
        double seconds = rebuild(index, articles);
        System.out.printf(Locale.ROOT, "full rebuild of the corpus (%,d entries, %.0f MB of text, extraction "
                + "excluded): %.1f s = %.1f MB/s, %,.0f entries/s%n", articles.size(), bytes / 1e6, seconds,
                bytes / 1e6 / seconds, articles.size() / seconds);
        QualitySet.Report quality = QualitySet.evaluate(index, admin, QualitySet.load());
        System.out.printf(Locale.ROOT, "quality set (%d queries with known answers): recall@10 %.3f, MRR %.3f%n",
                QualitySet.load().size(), quality.recallAt10(), quality.mrr());
        quality.misses().forEach(q -> System.out.println("  not in the first ten: " + q));

        int copies = (docs + articles.size() - 1) / articles.size();
        if (copies > 1 || docs < articles.size()) {
            List<SearchEntry> scaled = scaled(articles, docs);
            long scaledBytes = scaled.stream().mapToLong(SearchBench::utf8Bytes).sum();
            seconds = rebuild(index, scaled);
            System.out.printf(Locale.ROOT, "indexing %,d entries (%.0f MB): %.1f s = %.1f MB/s, %,.0f entries/s%n",
                    scaled.size(), scaledBytes / 1e6, seconds, scaledBytes / 1e6 / seconds,
                    scaled.size() / seconds);
            articles = scaled;
        }
        return articles;
    }

    private static double rebuild(SearchIndex index, List<SearchEntry> entries) {
        long start = System.nanoTime();
        index.rebuild(sink -> entries.forEach(sink), "bench", 0, Runtime.getRuntime().availableProcessors(),
                done -> { });
        return (System.nanoTime() - start) / 1e9;
    }

    /** The articles repeated under new keys and spread over other units until there are {@code docs}. */
    private static List<SearchEntry> scaled(List<SearchEntry> articles, int docs) {
        List<SearchEntry> out = new ArrayList<>(docs);
        for (int copy = 0; out.size() < docs; copy++) {
            for (SearchEntry e : articles) {
                if (out.size() == docs) {
                    break;
                }
                String p = copy == 0 ? "" : copy + "/";
                long unit = 1 + Math.floorMod(e.unit().value() + copy * 37L, UNITS);
                out.add(new SearchEntry(p + e.key(), p + e.owner(), p + e.history(), new UnitId(unit),
                        "Đơn vị " + unit, e.visibility(), e.type(), e.status(), e.code(), e.title(), e.meta(),
                        e.body(), e.date(), e.revision(), e.route()));
            }
        }
        return out;
    }

    private static void postgres(List<SearchEntry> entries, Map<String, Stats> lucene, Stats luceneMix, boolean keep)
            throws SQLException, IOException {
        String url = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/eiso_bench");
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            if (keep && loaded(db) == entries.size()) {
                System.out.printf(Locale.ROOT, "%nPostgreSQL: the %,d entries kept from an earlier run%n",
                        entries.size());
            } else {
                load(db, entries);
            }
            List<Double> all = new ArrayList<>();
            for (Map.Entry<String, String> q : MIX.entrySet()) {
                String text = q.getValue().replace("\"", "");
                boolean phrase = q.getValue().startsWith("\"") || q.getKey().equals("code");
                Stats stats = measure(() -> pgSearch(db, text, phrase), all);
                Stats mine = lucene.get(q.getKey());
                System.out.printf(Locale.ROOT, "%-42s %s  hits %,d  Lucene faster at p95: %.1fx%n", q.getKey(),
                        stats, pgSearch(db, text, phrase), stats.p95 / mine.p95);
            }
            Stats mix = Stats.of(all.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "%-42s %s  Lucene faster at p95: %.1fx, at p50: %.1fx%n", "whole mix", mix,
                    mix.p95 / luceneMix.p95, mix.p50 / luceneMix.p50);
        }
    }

    private static long loaded(Connection db) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from bench_search")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException noTableYet) {
            return -1;
        }
    }

    private static void load(Connection db, List<SearchEntry> entries) throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("create extension if not exists unaccent");
            s.execute("drop table if exists bench_search");
            // unaccent() is not immutable, so the tsvector is a stored column filled at load time.
            s.execute("create table bench_search (id bigserial primary key, key text, unit bigint, "
                    + "visibility text, type text, status text, year int, title text, body text, tsv tsvector)");
        }
        long start = System.nanoTime();
        CopyManager copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            SearchEntry e = entries.get(i);
            rows.append(tsv(e.key())).append('\t').append(e.unit().value()).append('\t')
                    .append(e.visibility()).append('\t').append(e.type()).append('\t').append(e.status())
                    .append('\t').append(e.date().getYear()).append('\t').append(tsv(e.title())).append('\t')
                    .append(tsv(e.body())).append('\n');
            if (rows.length() > 8_000_000 || i == entries.size() - 1) {
                Reader reader = new StringReader(rows.toString());
                copy.copyIn("copy bench_search (key, unit, visibility, type, status, year, title, body) "
                        + "from stdin", reader);
                rows.setLength(0);
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("update bench_search set tsv = setweight(to_tsvector('simple', unaccent(title)), 'A') "
                    + "|| to_tsvector('simple', unaccent(body))");
            s.execute("create index bench_search_tsv on bench_search using gin (tsv)");
            s.execute("vacuum analyze bench_search");
        }
        System.out.printf(Locale.ROOT, "%nPostgreSQL 'simple' + unaccent + GIN over the same %,d entries "
                + "(loaded and indexed in %.0f s)%n", entries.size(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * What the search page asks of PostgreSQL: the top 10 by rank with headlines, the total, and the four facet
     * counts, under the same visibility and status filter (the science department: published, not outdated).
     */
    private static long pgSearch(Connection db, String text, boolean phrase) {
        String tsquery = (phrase ? "phraseto_tsquery" : "plainto_tsquery") + "('simple', unaccent(?))";
        String where = " from bench_search where tsv @@ " + tsquery + " and visibility = 'READERS' "
                + "and status not in ('SUPERSEDED', 'OBSOLETE')";
        try {
            try (PreparedStatement page = db.prepareStatement("select key, title, ts_headline('simple', body, "
                    + tsquery + ") from (select key, title, body, ts_rank(tsv, " + tsquery + ") r" + where
                    + " order by r desc limit 10) t")) {
                page.setString(1, text);
                page.setString(2, text);
                page.setString(3, text);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(3);
                    }
                }
            }
            try (PreparedStatement facets = db.prepareStatement("select type, unit, status, year, count(*)" + where
                    + " group by grouping sets ((type), (unit), (status), (year), ())")) {
                facets.setString(1, text);
                long total = 0;
                try (ResultSet rs = facets.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) == null && rs.getObject(2) == null && rs.getString(3) == null
                                && rs.getObject(4) == null) {
                            total = rs.getLong(5);
                        }
                    }
                }
                return total;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tsv(String value) {
        return value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n")
                .replace("\r", " ");
    }

    private static long utf8Bytes(SearchEntry e) {
        return e.title().getBytes(StandardCharsets.UTF_8).length + (e.body() == null ? 0
                : e.body().getBytes(StandardCharsets.UTF_8).length);
    }

    private static long folderSize(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static String option(List<String> options, String prefix, String fallback) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
                .orElse(fallback);
    }

    record Stats(double p50, double p95, double p99, double max) {

        static Stats of(double[] ms) {
            Arrays.sort(ms);
            int n = ms.length;
            return new Stats(ms[n / 2], ms[(int) (n * 0.95)], ms[(int) (n * 0.99)], ms[n - 1]);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms", p50, p95, p99);
        }
    }

    private static Stats measure(Supplier<Object> work) {
        return measure(work, new ArrayList<>());
    }

    private static Stats measure(Supplier<Object> work, List<Double> sink) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            sink.add(ms[i]);
        }
        return Stats.of(ms);
    }
}
