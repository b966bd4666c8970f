package vn.eiso.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * One spelling per Vietnamese syllable, so that the variants Vietnamese writers use side by side match each
 * other both folded and with their diacritics: the tone mark's place ({@code hoà}/{@code hòa}, {@code
 * thuỷ}/{@code thủy}, {@code khoẻ}/{@code khỏe}) and i or y after a consonant ({@code qui}/{@code quy},
 * {@code kĩ}/{@code kỹ}, {@code lí}/{@code lý}). The canonical form is a real spelling (the tone where the
 * traditional rule puts it, y rather than i), so it can be shown, e.g. in "did you mean".
 */
final class VietnameseSpelling {

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MARKED = "ăâêôơư";
    /** Syllables whose only vowel is i or y after one of these consonants are written either way. */
    private static final Pattern I_OR_Y = Pattern.compile("(h|k|l|m|s|t|qu)i");
    private static final Pattern PLAIN_SYLLABLE = Pattern.compile("[a-z]{1,7}");
    private static final Pattern LETTERS = Pattern.compile("[a-zđ\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]+");

    private VietnameseSpelling() {
    }

    /** The canonical spelling of one lower-case syllable; anything that is not a Vietnamese syllable is kept. */
    static String canonical(String syllable) {
        if (isPlainAscii(syllable) && !I_OR_Y.matcher(syllable).matches()) {
            return syllable;
        }
        String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        if (!LETTERS.matcher(decomposed).matches()) {
            return syllable;
        }
        StringBuilder toneless = new StringBuilder(decomposed.length());
        char tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                if (tone != 0) {
                    return syllable; // two tones: not a syllable
                }
                tone = c;
            } else {
                toneless.append(c);
            }
        }
        String base = Normalizer.normalize(toneless, Normalizer.Form.NFC);
        if (I_OR_Y.matcher(base).matches()) {
            base = base.substring(0, base.length() - 1) + "y";
        }
        if (tone == 0) {
            return base;
        }
        int at = tonePosition(base);
        if (at < 0) {
            return syllable;
        }
        return Normalizer.normalize(base.substring(0, at + 1) + tone + base.substring(at + 1), Normalizer.Form.NFC);
    }

    /**
     * Every spelling with diacritics a folded syllable may stand for ({@code trinh} → trình, trính, trịnh, …), in
     * canonical form; most are not words, and the index tells which are. Empty for anything that is not a
     * syllable of plain letters.
     */
    static List<String> markedForms(String folded) {
        if (!PLAIN_SYLLABLE.matcher(folded).matches()) {
            return List.of();
        }
        List<String> bases = new ArrayList<>(List.of(""));
        for (int i = 0; i < folded.length(); i++) {
            String options = switch (folded.charAt(i)) {
                case 'a' -> "aăâ";
                case 'e' -> "eê";
                case 'o' -> "oôơ";
                case 'u' -> i > 0 && folded.charAt(i - 1) == 'q' ? "u" : "uư";
                case 'd' -> i == 0 ? "dđ" : "d";
                default -> String.valueOf(folded.charAt(i));
            };
            List<String> longer = new ArrayList<>(bases.size() * options.length());
            for (String base : bases) {
                for (int o = 0; o < options.length(); o++) {
                    longer.add(base + options.charAt(o));
                }
            }
            bases = longer;
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String base : bases) {
            forms.add(canonical(base));
            for (int t = 0; t < TONES.length(); t++) {
                forms.add(canonical(Normalizer.normalize(base + TONES.charAt(t), Normalizer.Form.NFC)));
            }
        }
        forms.remove(folded);
        return List.copyOf(forms);
    }

    /**
     * Where the tone goes in a toneless syllable: on its marked vowel (the last one, as in ươ); on the only vowel;
     * on the last vowel when a consonant closes the syllable (hoàng); otherwise on the first of two vowels (hòa,
     * thủy, tài) or the middle of three (ngoài, khuỷu). The u of qu and the i of gi before a vowel belong to the
     * consonant.
     */
    private static int tonePosition(String base) {
        int start = 0;
        while (start < base.length() && VOWELS.indexOf(base.charAt(start)) < 0) {
            start++;
        }
        if (start < base.length() - 1 && isVowel(base, start + 1)) {
            boolean qu = start > 0 && base.charAt(start - 1) == 'q' && base.charAt(start) == 'u';
            boolean gi = start == 1 && base.charAt(0) == 'g' && base.charAt(start) == 'i';
            if (qu || gi) {
                start++;
            }
        }
        int end = start;
        while (end < base.length() && isVowel(base, end)) {
            end++;
        }
        if (start == end) {
            return -1;
        }
        for (int i = end - 1; i >= start; i--) {
            if (MARKED.indexOf(base.charAt(i)) >= 0) {
                return i;
            }
        }
        int vowels = end - start;
        if (vowels == 1 || end < base.length()) {
            return end - 1;
        }
        return vowels == 2 ? start : start + 1;
    }

    private static boolean isVowel(String base, int i) {
        return VOWELS.indexOf(base.charAt(i)) >= 0;
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The analysis step: every token in its canonical spelling (tokens arrive composed and in lower case). */
    static final class Filter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Filter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String token = term.toString();
            String canonical = canonical(token);
            if (!canonical.equals(token)) {
                term.setEmpty().append(canonical);
            }
            return true;
        }
    }
}
