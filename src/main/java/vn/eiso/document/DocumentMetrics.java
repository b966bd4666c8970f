package vn.eiso.document;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** What an operator watches of the file work: the text-extraction pool and the import jobs not yet finished. */
@Component
class DocumentMetrics implements MeterBinder {

    private final FileInspector inspector;
    private final JooqImportJobRepository jobs;

    DocumentMetrics(FileInspector inspector, JooqImportJobRepository jobs) {
        this.inspector = inspector;
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("eiso.extraction.queue", inspector, FileInspector::waiting)
                .description("Files waiting for a text-extraction thread").register(registry);
        Gauge.builder("eiso.extraction.active", inspector, FileInspector::extracting)
                .description("Files being extracted now").register(registry);
        for (ImportJob.State state : new ImportJob.State[] {ImportJob.State.QUEUED, ImportJob.State.RUNNING}) {
            Gauge.builder("eiso.import.jobs", jobs, j -> j.count(state)).tag("state", state.name().toLowerCase())
                    .description("Import jobs by state (queued or running, on any node)").register(registry);
        }
    }
}
