package vn.eiso.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.eiso.base.TextFolding;
import vn.eiso.search.VietnameseAnalyzer.Syllable;

/**
 * Turns what a user typed into a Lucene query without a query syntax: nothing typed can be a syntax error.
 * Quotes mark phrases (an unbalanced one is ignored), a word such as {@code QT-01} or {@code 19/2014/QĐ-TTg}
 * must match as written, every other syllable is required (most of them in a long query), and the query's
 * syllables side by side, or written with the same diacritics, rank higher.
 */
final class QueryText {

    static final int MAX_CHARS = 1000;
    static final int MAX_SYLLABLES = 32;

    private static final float TITLE = 3f;
    private static final float META = 2f;
    private static final float EXACT = 1.5f;
    private static final float PHRASE = 30f;
    private static final float CODE = 50f;

    /** The query, or null when nothing searchable was typed; {@code shortened} when the input was cut. */
    record Parsed(Query query, boolean shortened) {
    }

    /** One required part: a single syllable, or syllables that must stand together (a quoted phrase, a code). */
    private record Part(List<Syllable> syllables, String code) {
    }

    private final VietnameseAnalyzer analyzer;

    QueryText(VietnameseAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    Parsed parse(String raw) {
        return parse(raw, false);
    }

    /**
     * {@code loose}: a few of the query's words suffice, for "find things like this text" rather than a search
     * someone typed (where most words must match).
     */
    Parsed parse(String raw, boolean loose) {
        // A colon joins letters into one word for the tokenizer ("quy:trình"); typed, it is Lucene field syntax.
        String text = SearchEntry.nfc(raw == null ? "" : raw).replace(':', ' ');
        boolean shortened = text.length() > MAX_CHARS;
        if (shortened) {
            text = text.substring(0, MAX_CHARS);
        }
        List<Part> parts = new ArrayList<>();
        List<Syllable> all = new ArrayList<>();
        for (Segment segment : segments(text)) {
            if (segment.quoted()) {
                shortened |= add(parts, all, analyzer.syllables(segment.text()), null);
                continue;
            }
            for (String word : segment.text().split("\\s+")) {
                shortened |= add(parts, all, analyzer.syllables(word), word);
            }
        }
        if (parts.isEmpty()) {
            return new Parsed(null, shortened);
        }
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        for (Part part : parts) {
            required.add(matching(part), parts.size() <= 4 && !loose ? Occur.MUST : Occur.SHOULD);
            exact(part.syllables()).ifPresent(q -> outer.add(q, Occur.SHOULD));
        }
        if (loose) {
            required.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(parts.size() * 0.3)));
        } else if (parts.size() > 4) {
            required.setMinimumNumberShouldMatch((int) Math.ceil(parts.size() * 0.75));
        }
        outer.add(required.build(), Occur.MUST);
        if (all.size() > 1 && parts.size() > 1) {
            // A fixed reward, not a scored one: BM25 would let a long text's scattered syllables outscore the
            // phrase, which is what the user typed.
            outer.add(new BoostQuery(new ConstantScoreQuery(phrase(SearchIndex.BODY, all, false)), PHRASE),
                    Occur.SHOULD);
            outer.add(new BoostQuery(new ConstantScoreQuery(phrase(SearchIndex.TITLE, all, false)), PHRASE),
                    Occur.SHOULD);
        }
        return new Parsed(outer.build(), shortened);
    }

    /** Titles and codes starting with what was typed so far, the last syllable read as a prefix. */
    Query suggestion(String typed) {
        String text = SearchEntry.nfc(typed == null ? "" : typed.strip());
        if (text.length() < 2 || text.length() > 200) {
            return null;
        }
        List<Syllable> syllables = analyzer.syllables(text);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new BoostQuery(new PrefixQuery(new Term(SearchIndex.CODE, TextFolding.fold(text))), CODE),
                Occur.SHOULD);
        if (!syllables.isEmpty() && syllables.size() <= MAX_SYLLABLES) {
            BooleanQuery.Builder title = new BooleanQuery.Builder();
            for (int i = 0; i < syllables.size() - 1; i++) {
                title.add(new TermQuery(new Term(SearchIndex.TITLE, syllables.get(i).folded())), Occur.MUST);
            }
            title.add(new PrefixQuery(new Term(SearchIndex.TITLE, syllables.getLast().folded())), Occur.MUST);
            any.add(title.build(), Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean add(List<Part> parts, List<Syllable> all, List<Syllable> syllables, String word) {
        if (syllables.isEmpty()) {
            return false;
        }
        int room = MAX_SYLLABLES - all.size();
        if (room <= 0) {
            return true;
        }
        List<Syllable> kept = syllables.size() <= room ? syllables : syllables.subList(0, room);
        all.addAll(kept);
        parts.add(new Part(List.copyOf(kept), kept.size() > 1 && word != null ? word : null));
        return kept.size() < syllables.size();
    }

    private static Query matching(Part part) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (part.syllables().size() == 1) {
            String folded = part.syllables().getFirst().folded();
            any.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE, folded)), TITLE), Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(SearchIndex.META, folded)), META), Occur.SHOULD);
            any.add(new TermQuery(new Term(SearchIndex.BODY, folded)), Occur.SHOULD);
        } else {
            any.add(new BoostQuery(phrase(SearchIndex.TITLE, part.syllables(), false), TITLE), Occur.SHOULD);
            any.add(phrase(SearchIndex.BODY, part.syllables(), false), Occur.SHOULD);
            if (part.code() != null) {
                // Numbers of external documents and linked procedures live in the metadata.
                any.add(new BoostQuery(phrase(SearchIndex.META, part.syllables(), false), META), Occur.SHOULD);
            }
        }
        if (part.code() != null) {
            // An item's own code, typed whole, outranks every text that merely mentions it.
            any.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(SearchIndex.CODE,
                    TextFolding.fold(part.code().replaceAll("^\\p{Punct}+|\\p{Punct}+$", ""))))), CODE),
                    Occur.SHOULD);
        }
        return any.build();
    }

    /** The reward for matching the diacritics as typed; nothing when none were typed. */
    private static Optional<Query> exact(List<Syllable> syllables) {
        if (syllables.stream().noneMatch(Syllable::marked)) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (syllables.size() == 1) {
            String exact = syllables.getFirst().exact();
            any.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE, exact)), TITLE), Occur.SHOULD);
            any.add(new TermQuery(new Term(SearchIndex.BODY, exact)), Occur.SHOULD);
        } else {
            any.add(new BoostQuery(phrase(SearchIndex.TITLE, syllables, true), TITLE), Occur.SHOULD);
            any.add(phrase(SearchIndex.BODY, syllables, true), Occur.SHOULD);
        }
        return Optional.of(new BoostQuery(any.build(), EXACT));
    }

    private static Query phrase(String field, List<Syllable> syllables, boolean exact) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < syllables.size(); i++) {
            Syllable s = syllables.get(i);
            phrase.add(new Term(field, exact ? s.exact() : s.folded()), i);
        }
        return phrase.build();
    }

    private record Segment(String text, boolean quoted) {
    }

    /** Splits on straight and curly double quotes; text after an unmatched quote is read as unquoted. */
    private static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                if (quoted || text.indexOf('"', i + 1) >= 0 || text.indexOf('”', i + 1) >= 0) {
                    out.add(new Segment(current.toString(), quoted));
                    current.setLength(0);
                    quoted = !quoted;
                    continue;
                }
                current.append(' ');
                continue;
            }
            current.append(c);
        }
        out.add(new Segment(current.toString(), quoted));
        return out;
    }
}
