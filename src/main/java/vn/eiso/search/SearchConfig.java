package vn.eiso.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class SearchConfig {

    private static final Logger log = LoggerFactory.getLogger(SearchConfig.class);

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(@Value("${eiso.search.index-dir}") Path directory, Environment environment) {
        return searchIndex(directory,
                environment.containsProperty("import.path") || environment.containsProperty("search.rebuild"));
    }

    /**
     * The index in its folder. When another process holds that folder: a command ({@code command}, the import or
     * the rebuild, run beside the server on PostgreSQL) gets a passive empty index, journals its changes and leaves
     * indexing to the server; a server is refused, since it would answer every search from an empty index (two
     * nodes given one folder, ADR 0023).
     */
    SearchIndex searchIndex(Path directory, boolean command) {
        try {
            return SearchIndex.open(directory);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof LockObtainFailedException)) {
                throw e;
            }
            if (!command) {
                throw new IllegalStateException("The search index folder " + directory + " is in use by another "
                        + "process. Every node needs a folder of its own (EISO_INDEX_DIR): stop the other process "
                        + "or give this one another folder.", e);
            }
            log.warn("The search index in {} is in use by another process; this one leaves indexing to it",
                    directory);
            try {
                return SearchIndex.open(Files.createTempDirectory("eiso-passive-index")).passive();
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }
}
