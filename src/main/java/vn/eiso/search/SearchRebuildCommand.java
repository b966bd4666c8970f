package vn.eiso.search;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --search.rebuild}: recreates the index from the database, prints what it did and ends the process.
 * For operators restoring a backup or moving the data folder; the server does the same from its admin screen.
 */
@Component
class SearchRebuildCommand implements ApplicationRunner {

    private final SearchIndexer indexer;
    private final SearchIndex index;
    private final ApplicationContext context;

    SearchRebuildCommand(SearchIndexer indexer, SearchIndex index, ApplicationContext context) {
        this.indexer = indexer;
        this.index = index;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("search.rebuild")) {
            return;
        }
        int status = rebuild(System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Rebuilds, says what happened and returns the exit status: 0 when rebuilt, 1 when it failed. */
    int rebuild(PrintStream out, PrintStream err) {
        indexer.rebuildAndWait();
        SearchIndexer.Progress result = indexer.progress();
        if (result.failure() != null) {
            err.println("Rebuild failed: " + result.failure());
            err.println("The previous index is kept unchanged (" + index.size() + " entries).");
            return 1;
        }
        out.printf("Search index rebuilt: %d entries in %.1f s%n", index.size(), result.took().toMillis() / 1000.0);
        return 0;
    }
}
