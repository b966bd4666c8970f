package vn.eiso.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The readiness probe's view of the index: not ready until it has applied the journal once since start; then
 * ready, with the number of journal entries still to apply (the index lag) as a detail.
 */
@Component("searchIndexHealthIndicator")
class SearchIndexHealth implements HealthIndicator {

    private final SearchIndexer indexer;

    SearchIndexHealth(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public Health health() {
        Health.Builder health = indexer.caughtUp() ? Health.up() : Health.outOfService();
        return health.withDetail("lag", indexer.pending()).build();
    }
}
