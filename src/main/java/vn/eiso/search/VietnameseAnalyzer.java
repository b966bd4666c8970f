package vn.eiso.search;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Vietnamese text as syllables: Unicode word boundaries, NFKC with case folding (so NFD, NFC and upper case
 * meet), one spelling per syllable ({@link VietnameseSpelling}: hoà and hòa, qui and quy meet), then every
 * syllable indexed twice at the same position when it carries diacritics: folded
 * ({@code đường} → {@code duong}) and as written. Queries require the folded form and reward the written one,
 * which ranks "đường" above "dương" for a user who typed the diacritics, in one field and one analysis pass
 * (ADR 0005). A field named by {@link #pairs(String)} holds the folded syllables in neighbouring pairs instead.
 */
final class VietnameseAnalyzer extends Analyzer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final String PAIRS = "_pairs";

    /**
     * The field of {@code field}'s text as pairs of neighbouring folded syllables, one term each ({@code quy trinh})
     * at the first one's position: a phrase of n syllables is a phrase of n - 1 pairs there, and far fewer entries
     * hold a pair than hold each of its syllables, so the phrase reads a fraction of the positions (ADR 0022).
     */
    static String pairs(String field) {
        return field + PAIRS;
    }

    VietnameseAnalyzer() {
        // The default strategy would reuse the first field's chain for every field, the pairs' too.
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ICUNormalizer2Filter(tokenizer, NFKC_CASEFOLD);
        stream = new VietnameseSpelling.Filter(stream);
        stream = new ASCIIFoldingFilter(stream, true);
        return new TokenStreamComponents(tokenizer, fieldName.endsWith(PAIRS) ? pairsOf(stream) : stream);
    }

    /**
     * Neighbouring folded syllables as pairs, from a stream of this analyzer's syllables: the written forms stacked
     * on the folded ones are left out.
     */
    static TokenStream pairsOf(TokenStream syllables) {
        ShingleFilter pairs = new ShingleFilter(new FoldedOnly(syllables), 2, 2);
        pairs.setOutputUnigrams(false);
        return pairs;
    }

    /** Drops the written forms, which the folding filter stacks at the position of their folded form. */
    private static final class FoldedOnly extends FilteringTokenFilter {

        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

        FoldedOnly(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            return increment.getPositionIncrement() > 0;
        }
    }

    /** One syllable or word of a query: its folded form, and the form as typed (equal when it had no marks). */
    record Syllable(String folded, String exact) {
        boolean marked() {
            return !folded.equals(exact);
        }
    }

    /** The syllables of a piece of text, one per position. */
    List<Syllable> syllables(String text) {
        List<Syllable> out = new ArrayList<>();
        try (TokenStream stream = tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = term.toString();
                if (increment.getPositionIncrement() == 0 && !out.isEmpty()) {
                    // The folding filter gives the folded token first and the original after it.
                    Syllable last = out.removeLast();
                    out.add(new Syllable(last.folded(), token));
                } else {
                    out.add(new Syllable(token, token));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
