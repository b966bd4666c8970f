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

@Configuration
class SearchConfig {

    private static final Logger log = LoggerFactory.getLogger(SearchConfig.class);

    /**
     * The index in its folder; when another process (the running server) holds that folder, as the import command
     * does on PostgreSQL, a passive empty index instead: this process then only journals its changes, and the
     * server indexes them on its next wake-up.
     */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(@Value("${eiso.search.index-dir}") Path directory) {
        try {
            return SearchIndex.open(directory);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof LockObtainFailedException)) {
                throw e;
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
