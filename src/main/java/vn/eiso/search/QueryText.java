package vn.eiso.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
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

    private static final float TITLE = SearchIndex.TITLE_WEIGHT;
    private static final float META = SearchIndex.META_WEIGHT;
    private static final float EXACT = 2f;
    /**
     * The reward for the query's syllables side by side, per syllable: a long query's scattered syllables sum up
     * more BM25 (a short title holding most of them weighs three times), so the reward grows with the query.
     */
    private static final float PHRASE = 10f;
    private static final float CODE = 50f;
    /** Ranks the documents of a number typed without its year by date: ten days weigh a point. */
    private static final float NEWER_PER_DAY = 0.1f;

    /**
     * The query, or null when nothing searchable was typed; {@code shortened} when the input was cut.
     * {@code highlight} marks the same words in the text with a fraction of the query's clauses: the highlighter
     * builds its query's weight for every hit it marks, and the ranking's rewards would dominate its time.
     */
    record Parsed(Query query, Query highlight, boolean shortened) {
    }

    /**
     * One required part: a single syllable, or syllables that must stand together (a quoted phrase, a code);
     * {@code keys} are the item codes it may also match whole ({@link DocumentNumber}).
     */
    private record Part(List<Syllable> syllables, String code, List<String> keys) {
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
                shortened |= add(parts, all, analyzer.syllables(segment.text()), null, List.of());
                continue;
            }
            String[] words = segment.text().split("\\s+");
            String pair = null;
            for (int i = 0; i < words.length; i++) {
                // "NĐ 49/2026": a kind and a number typed apart still find the number's document first.
                String kindFirst = i + 1 < words.length ? DocumentNumber.kindFirst(words[i], words[i + 1]) : null;
                List<String> keys = new ArrayList<>(2);
                List<Syllable> syllables = analyzer.syllables(words[i]);
                if (syllables.size() > 1) {
                    keys.add(TextFolding.fold(words[i].replaceAll("^\\p{Punct}+|\\p{Punct}+$", "")));
                }
                for (String key : new String[] {kindFirst, pair}) {
                    if (key != null) {
                        keys.add(key);
                    }
                }
                pair = kindFirst;
                shortened |= add(parts, all, syllables, words[i], keys);
            }
        }
        if (parts.isEmpty()) {
            return new Parsed(null, null, shortened);
        }
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        for (Part part : parts) {
            Occur occur = parts.size() <= 4 && !loose ? Occur.MUST : Occur.SHOULD;
            required.add(matching(part), occur);
            if (part.syllables().size() == 1) {
                // A title names what the entry is about: its own BM25, short field and all, on top of BM25F.
                outer.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE,
                        part.syllables().getFirst().folded())), TITLE), Occur.SHOULD);
            }
            part.syllables().forEach(syllable -> exact(syllable).ifPresent(q -> outer.add(q, Occur.SHOULD)));
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
            float adjacent = PHRASE * Math.max(3, all.size());
            outer.add(new BoostQuery(new ConstantScoreQuery(adjacent(SearchIndex.BODY, all)), adjacent),
                    Occur.SHOULD);
            outer.add(new BoostQuery(new ConstantScoreQuery(adjacent(SearchIndex.TITLE, all)), adjacent),
                    Occur.SHOULD);
        }
        return new Parsed(outer.build(), highlight(parts, all), shortened);
    }

    /** The query's parts and all its syllables side by side, in the text, folded (every spelling is marked). */
    private static Query highlight(List<Part> parts, List<Syllable> all) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (all.size() > 1 && parts.size() > 1) {
            any.add(phrase(SearchIndex.BODY, all), Occur.SHOULD);
        }
        for (Part part : parts) {
            any.add(part.syllables().size() == 1
                    ? new TermQuery(new Term(SearchIndex.BODY, part.syllables().getFirst().folded()))
                    : phrase(SearchIndex.BODY, part.syllables()), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * The syllables of a query typed wholly without diacritics, for "did you mean" with them: empty when any
     * syllable carries one, or the query holds numbers, codes or more than a short phrase.
     */
    List<Syllable> withoutDiacritics(String raw) {
        List<Syllable> syllables = analyzer.syllables(SearchEntry.nfc(raw == null ? "" : raw).replace(':', ' '));
        boolean plain = !syllables.isEmpty() && syllables.size() <= 8 && syllables.stream()
                .allMatch(s -> !s.marked() && s.folded().chars().allMatch(c -> c >= 'a' && c <= 'z'));
        return plain ? syllables : List.of();
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

    private static boolean add(List<Part> parts, List<Syllable> all, List<Syllable> syllables, String word,
            List<String> keys) {
        if (syllables.isEmpty()) {
            return false;
        }
        int room = MAX_SYLLABLES - all.size();
        if (room <= 0) {
            return true;
        }
        List<Syllable> kept = syllables.size() <= room ? syllables : syllables.subList(0, room);
        all.addAll(kept);
        parts.add(new Part(List.copyOf(kept), kept.size() > 1 && word != null ? word : null, List.copyOf(keys)));
        return kept.size() < syllables.size();
    }

    private static Query matching(Part part) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (part.syllables().size() == 1) {
            // One posting list decides whether an entry holds the syllable and scores it in title, metadata and
            // text at once (BM25F): a conjunction of single postings, each bounding its own score for the pruning.
            Query syllable = new TermQuery(new Term(SearchIndex.ANY, part.syllables().getFirst().folded()));
            if (part.keys().isEmpty()) {
                return syllable;
            }
            any.add(syllable, Occur.SHOULD);
        } else {
            any.add(new BoostQuery(adjacent(SearchIndex.TITLE, part.syllables()), TITLE), Occur.SHOULD);
            any.add(adjacent(SearchIndex.BODY, part.syllables()), Occur.SHOULD);
            if (part.code() != null) {
                // Numbers of external documents and linked procedures live in the metadata.
                any.add(new BoostQuery(phrase(SearchIndex.META, part.syllables()), META), Occur.SHOULD);
            }
        }
        for (String key : part.keys()) {
            // An item's own code, typed whole, outranks every text that merely mentions it.
            Query code = new TermQuery(new Term(SearchIndex.CODE, key));
            any.add(new BoostQuery(new ConstantScoreQuery(code), CODE), Occur.SHOULD);
            if (DocumentNumber.withoutYear(key)) {
                // 49/NĐ-CP without its year: every year's decree 49 matches; the newest comes first.
                any.add(new BoostQuery(new FunctionScoreQuery(code, DoubleValuesSource.fromLongField(
                        SearchIndex.DATE)), NEWER_PER_DAY), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * The reward for a syllable typed with diacritics, nothing for one typed without: a fixed amount if it occurs
     * as written anywhere in the entry. Fixed, not scored by BM25: the entry that holds what was typed verbatim
     * then earns every reward there is, so typing the diacritics right can only lift it, and entries with the same
     * syllables scattered (or in a short title) cannot overtake it. Per syllable, not per phrase: the folded
     * phrase already rewards adjacency, and a second, written phrase would read every candidate's positions again.
     */
    private static Optional<Query> exact(Syllable syllable) {
        if (!syllable.marked()) {
            return Optional.empty();
        }
        Query anywhere = new TermQuery(new Term(SearchIndex.ANY, syllable.exact()));
        return Optional.of(new BoostQuery(new ConstantScoreQuery(anywhere), EXACT));
    }

    /** Syllables side by side in a field that has its pairs indexed ({@link VietnameseAnalyzer#pairs}). */
    private static Query adjacent(String field, List<Syllable> syllables) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < syllables.size(); i++) {
            phrase.add(new Term(VietnameseAnalyzer.pairs(field),
                    syllables.get(i).folded() + " " + syllables.get(i + 1).folded()), i);
        }
        return phrase.build();
    }

    /** Syllables side by side, read from their positions: for the highlighter, which marks the field's own terms. */
    private static Query phrase(String field, List<Syllable> syllables) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < syllables.size(); i++) {
            Syllable s = syllables.get(i);
            phrase.add(new Term(field, s.folded()), i);
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
