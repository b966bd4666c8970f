package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Both file stores keep exactly the bytes they were given, once per content. */
@SpringBootTest
class FileStoresTest {

    @Autowired
    DSLContext dsl;

    private static void roundTrip(FileStore store) {
        byte[] content = "Quy trình kiểm soát tài liệu".getBytes(StandardCharsets.UTF_8);
        String sha = FileInspector.sha256(content);
        store.put(sha, content);
        store.put(sha, content);
        assertThat(store.get(sha)).isEqualTo(content);
    }

    @Test
    void the_directory_store_writes_each_content_once_under_its_hash(@TempDir Path dir) throws Exception {
        FileStores.DirectoryFileStore store = new FileStores.DirectoryFileStore(dir);
        roundTrip(store);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1)
                    .allMatch(p -> p.getFileName().toString().length() == 64);
        }
    }

    @Test
    @Transactional
    void the_database_store_keeps_the_bytes_in_the_same_transaction() {
        roundTrip(new FileStores.DatabaseFileStore(dsl));
    }
}
