package vn.eiso.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * This node's index lag as metrics: the journal entries committed in the database and not yet applied to its
 * index, and how long the oldest of them has waited.
 */
@Component
class SearchMetrics implements MeterBinder {

    private final SearchIndexer indexer;

    SearchMetrics(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("eiso.search.index.lag", indexer, SearchIndexer::pending)
                .description("Journal entries not yet applied to the search index").register(registry);
        Gauge.builder("eiso.search.index.lag.seconds", indexer, SearchIndexer::lagSeconds)
                .description("Seconds the oldest journal entry not yet applied to the search index has waited")
                .register(registry);
    }
}
