package vn.eiso.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.eiso.base.TextFolding;

/**
 * Vietnamese document numbers (số hiệu) as people type them: {@code 49/2026/NĐ-CP} is number 49 of 2026, a
 * decree (NĐ) of the government (CP). It is asked for as written, folded, in lower case, without its year
 * ({@code 49/NĐ-CP}) or kind first ({@code NĐ 49/2026}); an item's code is indexed under each of those keys.
 */
final class DocumentNumber {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)/(\\d{4})/([a-z]+)((?:-[a-z0-9]+)*)");
    private static final Pattern WITHOUT_YEAR = Pattern.compile("\\d+/[a-z]+(?:-[a-z0-9]+)*");
    private static final Pattern KIND = Pattern.compile("[a-z]{1,8}");
    private static final Pattern NUMBER_AND_YEAR = Pattern.compile("\\d+/\\d{4}");

    private DocumentNumber() {
    }

    /** The keys an item's code is found by: the folded code, and for a document number also its short forms. */
    static List<String> keys(String code) {
        String folded = TextFolding.fold(code);
        List<String> keys = new ArrayList<>(3);
        keys.add(folded);
        Matcher m = NUMBER.matcher(folded);
        if (m.matches()) {
            keys.add(m.group(1) + "/" + m.group(3) + m.group(4));
            keys.add(kindFirst(m.group(3), m.group(1) + "/" + m.group(2)));
        }
        return keys;
    }

    /** A number typed without its year ({@code 49/nd-cp}, folded): its documents are listed newest first. */
    static boolean withoutYear(String foldedKey) {
        return WITHOUT_YEAR.matcher(foldedKey).matches();
    }

    /** The key of "NĐ 49/2026", typed as two words, or nothing when the words are not a kind and a number. */
    static String kindFirst(String word, String next) {
        String kind = TextFolding.fold(word);
        return KIND.matcher(kind).matches() && NUMBER_AND_YEAR.matcher(next).matches() ? kind + " " + next : null;
    }
}
