package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both bundles hold the same keys, and every message comes out of {@link Messages} as users read it: no leftover
 * {@code {0}}, no quote MessageFormat swallowed, no format that throws. A message with placeholders goes through
 * MessageFormat, where an apostrophe must be doubled; one without is shown as written.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:\\s*,\\s*(\\w+))?");
    private static final Pattern LEFTOVER = Pattern.compile("\\{\\s*\\d");

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        TreeSet<String> vi = new TreeSet<>(bundle("vi").stringPropertyNames());
        TreeSet<String> en = new TreeSet<>(bundle("en").stringPropertyNames());

        assertThat(vi).isNotEmpty();
        assertThat(difference(vi, en)).as("keys only in messages_vi.properties").isEmpty();
        assertThat(difference(en, vi)).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void every_message_formats_with_its_arguments_and_leaves_no_placeholder_or_quote_behind() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            Properties bundle = bundle(language);
            Locale locale = Messages.forTag(language);
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                problems.addAll(check(language, key, bundle.getProperty(key), locale));
                if (!new Messages().getTranslation(key, locale).equals(bundle.getProperty(key))) {
                    problems.add(language + " " + key + ": the application reads another text than the bundle");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_check_catches_the_mistakes_it_is_meant_for() {
        assertThat(check("en", "k", "This unit's {0}", Locale.ENGLISH)).singleElement().asString()
                .contains("leftover");
        assertThat(check("en", "k", "Clauses: {0", Locale.ENGLISH)).singleElement().asString()
                .contains("does not format");
        assertThat(check("en", "k", "It''s done", Locale.ENGLISH)).singleElement().asString()
                .contains("doubled apostrophe");
        assertThat(check("en", "k", "This unit''s {0}, {1,choice,0#none|1#one|1<{1,number,integer} items}",
                Locale.ENGLISH)).isEmpty();
    }

    /** What is wrong with one message as the application shows it; nothing when it is right. */
    private List<String> check(String language, String key, String pattern, Locale locale) {
        String where = language + " " + key + ": ";
        List<String> problems = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int arguments = 0;
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            arguments = Math.max(arguments, index + 1);
            if (m.group(2) != null && (m.group(2).equals("number") || m.group(2).equals("choice"))) {
                numbers.add(index);
            }
        }
        if (arguments == 0) {
            // Shown as written (Messages formats only when given arguments): '' would show doubled.
            if (pattern.contains("''")) {
                problems.add(where + "doubled apostrophe in a message without arguments");
            }
            return problems;
        }
        // Text arguments as marked words; counted or chosen ones as several numbers, to reach every choice.
        List<Object[]> samples = new ArrayList<>();
        for (int n : numbers.isEmpty() ? new int[] {1} : new int[] {0, 1, 2, 1234}) {
            Object[] sample = new Object[arguments];
            for (int i = 0; i < arguments; i++) {
                sample[i] = numbers.contains(i) ? (Object) n : "«" + i + "»";
            }
            samples.add(sample);
        }
        try {
            new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            problems.add(where + "does not format: " + e.getMessage());
            return problems;
        }
        for (Object[] sample : samples) {
            String shown;
            try {
                shown = Messages.format(pattern, locale, sample);
            } catch (IllegalArgumentException e) {
                problems.add(where + "does not format with " + java.util.Arrays.toString(sample) + ": " + e);
                continue;
            }
            if (LEFTOVER.matcher(shown).find()) {
                problems.add(where + "leftover placeholder (an unescaped apostrophe quotes it): " + shown);
            } else {
                for (int i = 0; i < arguments; i++) {
                    if (!numbers.contains(i) && pattern.matches("(?s).*\\{" + i + "}.*") && !shown.contains("«" + i + "»")) {
                        problems.add(where + "argument " + i + " is not shown: " + shown);
                    }
                }
            }
        }
        return problems;
    }

    private static TreeSet<String> difference(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            assertThat(in).as("messages_" + language + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
