package vn.eiso.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A released migration is frozen: databases have applied it, and Flyway refuses to start one whose script changed
 * since. src/test/resources/db/released-migrations.txt lists every released script with the SHA-256 of its text
 * (line endings normalised, as Flyway's own checksum ignores them).
 */
class ReleasedMigrationsTest {

    static final Path MIGRATIONS = Path.of("db", "migration");
    static final Path RELEASED = Path.of("src", "test", "resources", "db", "released-migrations.txt");

    @Test
    void no_released_migration_changed_or_disappeared() throws IOException {
        Map<String, String> released = released();
        assertThat(released).as("the released migrations list").isNotEmpty();

        List<String> problems = new ArrayList<>();
        released.forEach((name, expected) -> {
            Path script = MIGRATIONS.resolve(name);
            if (!Files.exists(script)) {
                problems.add(name + " was released and has disappeared: restore it");
            } else if (!sha256(script).equals(expected)) {
                problems.add(name + " was released and has changed since: restore it and put the change in a new"
                        + " migration (the next V<n>__...sql)");
            }
        });
        assertThat(problems).as("Released migrations are frozen (ADR 0010); databases have applied them and"
                + " Flyway would refuse to start them").isEmpty();
    }

    @Test
    void a_new_migration_need_not_be_listed_yet_but_every_listed_one_is_a_migration() throws IOException {
        try (var scripts = Files.list(MIGRATIONS)) {
            List<String> names = scripts.map(p -> p.getFileName().toString()).toList();
            assertThat(names).containsAll(released().keySet());
        }
        assertThat(released().keySet()).allMatch(n -> n.matches("V\\d+__\\w+\\.sql"));
    }

    @Test
    void the_check_sees_an_edit_even_of_one_character_but_not_a_change_of_line_endings() throws IOException {
        Path script = MIGRATIONS.resolve("V1__organisation.sql");
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertThat(sha256(text.replace("varchar(255)", "varchar(256)"))).isNotEqualTo(sha256(script));
        assertThat(sha256(text.replace("\n", "\r\n"))).isEqualTo(sha256(script));
    }

    static Map<String, String> released() throws IOException {
        Map<String, String> released = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RELEASED, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            assertThat(parts).as("a line of released-migrations.txt: file name and SHA-256").hasSize(2);
            released.put(parts[0], parts[1]);
        }
        return released;
    }

    static String sha256(Path script) {
        try {
            return sha256(Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
