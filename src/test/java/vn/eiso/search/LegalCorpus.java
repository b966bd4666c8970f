package vn.eiso.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.base.UnitId;

/**
 * The shared corpus of Vietnamese legal texts (JSON lines, gzip) split into articles ("Điều N."), the size of a
 * real procedure, as index entries. Used by the quality test (on a slice in test resources) and the benchmark.
 */
public final class LegalCorpus {

    private static final Pattern ARTICLE = Pattern.compile(
            "(?m)^(?:#{1,4}\\s*|\\*\\*)?Điều\\s+(\\d+[a-zđ]?(?:\\.[0-9A-Za-zĐđ]+)*)\\s*[.:]\\s*(.*)$");
    private static final Pattern NUMBER = Pattern.compile("\\|\\s*Số hiệu\\s*\\|\\s*([^|\\n]+?)\\s*\\|");
    private static final int CHUNK = 20_000;
    private static final String[] TYPES = {"PROCEDURE", "PROCEDURE", "PROCEDURE", "FORM", "WORK_INSTRUCTION",
            "EXTERNAL", "MANUAL", "RECORD_TEMPLATE"};

    private LegalCorpus() {
    }

    /** One corpus text as read: id, title, its number (code) if any, and the text as stored (NFC or NFD). */
    public record Text(long id, String title, String number, String text) {
    }

    public static void read(InputStream gzip, Consumer<Text> sink) {
        JsonMapper json = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = json.readTree(line);
                String text = node.get("text").asString();
                Matcher number = NUMBER.matcher(Normalizer.normalize(text.substring(0, Math.min(text.length(),
                        4000)), Normalizer.Form.NFC));
                String code = number.find() && number.group(1).contains("/") ? number.group(1).strip() : null;
                sink.accept(new Text(node.get("id").asLong(), node.get("title").asString(), code, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text's articles as entries, keyed {@code art:ID:N} with history {@code doc:ID}; text before the first
     * article, or a text without articles, in pieces of at most 20,000 characters. {@code copy} makes keys of
     * repeated copies distinct (scaling the corpus up); units, types and statuses are spread over
     * {@code units} units deterministically so facets and the permission filter have work to do.
     */
    public static List<SearchEntry> articles(Text text, int copy, int units) {
        // Articles are found on the composed text; SearchEntry composes the stored text the same way.
        String nfc = Normalizer.normalize(text.text(), Normalizer.Form.NFC);
        List<SearchEntry> out = new ArrayList<>();
        Matcher m = ARTICLE.matcher(nfc);
        List<Integer> starts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        while (m.find()) {
            starts.add(m.start());
            // Codified texts repeat numbers (amendments quote "Điều 5."): the n-th repeat is "5~n".
            int n = seen.merge(m.group(1), 1, Integer::sum);
            numbers.add(n == 1 ? m.group(1) : m.group(1) + "~" + n);
            headings.add(m.group(0).replaceAll("^[#*\\s]+", "").replaceAll("\\*+$", "").strip());
        }
        String prefix = copy == 0 ? "" : copy + "/";
        int first = starts.isEmpty() ? nfc.length() : starts.getFirst();
        for (int from = 0, piece = 0; from < first; from += CHUNK, piece++) {
            String body = nfc.substring(from, Math.min(first, from + CHUNK));
            out.add(entry(text, prefix + "art:" + text.id() + ":p" + piece, prefix, text.title(), body, copy, units));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : nfc.length();
            out.add(entry(text, prefix + "art:" + text.id() + ":" + numbers.get(i), prefix, headings.get(i),
                    nfc.substring(starts.get(i), end), copy, units));
        }
        return out;
    }

    private static SearchEntry entry(Text text, String key, String prefix, String title, String body, int copy,
            int units) {
        int hash = Math.floorMod(key.hashCode(), 1_000_003);
        long unit = 1 + Math.floorMod(text.id() * 31 + copy, units);
        String status = hash % 10 == 0 ? "SUPERSEDED" : hash % 17 == 0 ? "DRAFT" : "EFFECTIVE";
        return new SearchEntry(key, key, prefix + "doc:" + text.id(), new UnitId(unit), "Đơn vị " + unit,
                "DRAFT".equals(status) ? Visibility.EDITORS : Visibility.READERS, TYPES[hash % TYPES.length], status,
                text.number(), title, text.title(), body, LocalDate.of(2015 + hash % 12, 1 + hash % 12, 1),
                1 + hash % 3, "revision/" + hash);
    }
}
