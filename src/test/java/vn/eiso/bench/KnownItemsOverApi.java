package vn.eiso.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.eiso.bench.SearchBench.Stats;
import vn.eiso.search.QualitySet;
import vn.eiso.search.SearchEntry;

/**
 * The search quality test's known-item set asked through {@code GET /api/v1/search} with a personal API token, as a
 * script or the one-stop software would ask it, once {@code ./bench import} has imported the articles that answer
 * it beside its sample. Prints recall@10 and MRR per kind, and the latency of every query (three passes after a
 * warm-up one) against a baseline through the same API and token: a word found nowhere.
 */
final class KnownItemsOverApi {

    private static final double TARGET_P95_MS = 25;
    private static final int PASSES = 3;
    private static final String NOWHERE = "zzqxw";

    private final List<QualitySet.Query> queries = QualitySet.knownItems();
    /** The articles a span answers, by key, and the texts whose number is asked, by history, with that number. */
    private final Set<String> articles = new HashSet<>();
    private final Map<String, String> numbers = new HashMap<>();
    /** The register codes the import gave them. */
    private final Map<String, String> codeOfArticle = new HashMap<>();
    private final Map<String, Set<String>> codesOfText = new HashMap<>();

    KnownItemsOverApi() {
        for (QualitySet.Query q : queries) {
            if (q.expected().startsWith("art:")) {
                articles.add(q.expected());
            } else if (q.kind().equals("number")) {
                numbers.put(q.expected(), q.text());
            }
        }
    }

    /** Whether the article must be in the archive, sampled or not: it answers a query. */
    boolean answers(SearchEntry article) {
        return articles.contains(article.key()) || firstOfNumberedText(article);
    }

    /**
     * The code the article is registered under: the text's number for the first article of a text whose number is
     * asked (an external document kept under its number), {@code sampleCode} otherwise.
     */
    String code(SearchEntry article, String sampleCode) {
        String code = firstOfNumberedText(article) ? numbers.get(article.history()) : sampleCode;
        codeOfArticle.put(article.key(), code);
        codesOfText.computeIfAbsent(article.history(), k -> new HashSet<>()).add(code);
        return code;
    }

    private boolean firstOfNumberedText(SearchEntry article) {
        return numbers.containsKey(article.history()) && !codesOfText.containsKey(article.history());
    }

    void run(ImportBench.App app, Path dataDir, String user) throws Exception {
        String token = token(dataDir, user);
        System.out.printf(Locale.ROOT, "%n== The known-item set (%d queries) through GET /api/v1/search with an API "
                + "token of %s (page of 10, facets, snippets); the baseline, a word found nowhere through the same "
                + "API, is asked before each query%n", queries.size(), user);
        Map<QualitySet.Query, Integer> ranks = new HashMap<>();
        Map<String, List<QualitySet.Query>> byKind = new LinkedHashMap<>();
        Map<Integer, Map<String, Integer>> byGroup = new HashMap<>();
        for (QualitySet.Query q : queries) {
            int rank = rank(app.get(path(q.text()), token), q);
            ranks.put(q, rank);
            byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q);
            byGroup.computeIfAbsent(q.group(), k -> new HashMap<>()).put(q.kind(), rank);
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        List<Double> nowhere = new ArrayList<>();
        for (int pass = 0; pass < PASSES; pass++) {
            for (QualitySet.Query q : queries) {
                nowhere.add(timed(app, NOWHERE, token));
                double ms = timed(app, q.text(), token);
                times.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(ms);
                all.add(ms);
            }
        }
        Stats baseline = stats(nowhere);
        System.out.printf(Locale.ROOT, "%-18s %5s %10s %7s  %s%n", "kind", "n", "recall@10", "MRR", "latency");
        System.out.printf(Locale.ROOT, "%-42s  %s%n", "baseline: a word found nowhere", baseline);
        for (Map.Entry<String, List<QualitySet.Query>> kind : byKind.entrySet()) {
            QualitySet.Report report = QualitySet.report(kind.getValue(), ranks::get);
            System.out.printf(Locale.ROOT, "%-18s %5d %10.3f %7.3f  %s%n", kind.getKey(), kind.getValue().size(),
                    report.recallAt10(), report.mrr(), stats(times.get(kind.getKey())));
        }
        Stats whole = stats(all);
        System.out.printf(Locale.ROOT, "%-18s %5d %18s  %s  (%.1f× the baseline's p95)%n", "all", queries.size(), "",
                whole, whole.p95() / baseline.p95());
        long worse = byGroup.values().stream().filter(g -> g.containsKey("exact") && g.containsKey("folded"))
                .filter(g -> worse(g.get("exact"), g.get("folded"))).count();
        System.out.printf(Locale.ROOT, "spans whose exact form ranks worse than the folded one: %d%n", worse);
        System.out.printf(Locale.ROOT, "target: p95 ≤ %.0f ms through the API with a token: %s%n", TARGET_P95_MS,
                whole.p95() <= TARGET_P95_MS ? "met" : "NOT MET");
    }

    private static double timed(ImportBench.App app, String query, String token) throws Exception {
        long start = System.nanoTime();
        app.get(path(query), token);
        return (System.nanoTime() - start) / 1e6;
    }

    /** 1 for the first hit, 0 when the answer is not among the ten. */
    private int rank(JsonNode response, QualitySet.Query q) {
        Set<String> codes = q.expected().startsWith("doc:") ? codesOfText.getOrDefault(q.expected(), Set.of())
                : Set.of(codeOfArticle.getOrDefault(q.expected(), "?"));
        int rank = 0;
        for (JsonNode hit : response.path("hits")) {
            rank++;
            if (codes.contains(hit.path("code").asString())) {
                return rank;
            }
        }
        return 0;
    }

    private static boolean worse(int rank, int than) {
        return than > 0 && (rank == 0 || rank > than);
    }

    private static String path(String query) {
        return "/api/v1/search?limit=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Stats stats(List<Double> ms) {
        return Stats.of(ms.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A read-only token for the user, written straight into the running application's H2 database (reached through
     * its AUTO_SERVER) as the token dialog would store it: the dialog is a screen, and this is a benchmark of the API.
     */
    private static String token(Path dataDir, String user) throws Exception {
        String token = "eiso_bench" + UUID.randomUUID().toString().replace("-", "");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eiso").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                PreparedStatement insert = db.prepareStatement("insert into api_token (user_id, label, token_sha256, "
                        + "scope, created_at, expires_at) select id, 'bench', ?, 'READ', current_timestamp, "
                        + "current_timestamp + interval '1' day from app_user where username = ?")) {
            insert.setString(1, sha);
            insert.setString(2, user);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + user + " to give a token");
            }
        }
        return token;
    }
}
