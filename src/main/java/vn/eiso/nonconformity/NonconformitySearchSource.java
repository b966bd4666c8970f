package vn.eiso.nonconformity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * Nonconformities in the search index, so that similar ones are found while a new one is analysed: what was
 * described, corrected and found to be the cause. Readers of the unit (and the science department) find them.
 */
@Component
class NonconformitySearchSource implements SearchSource {

    static final String TYPE = "NONCONFORMITY";

    private final JooqNonconformityRepository repository;
    private final Clock clock;

    NonconformitySearchSource(JooqNonconformityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Set<String> targets() {
        return Set.of(Nonconformities.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        NonconformityId id = new NonconformityId(targetId);
        return new Refresh(key(id), repository.find(id).map(this::entry).map(List::of).orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        repository.forEach(nc -> sink.accept(entry(nc)));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return repository.count();
    }

    static String key(NonconformityId id) {
        return "nc:" + id.value();
    }

    private SearchEntry entry(Nonconformity nc) {
        String title = nc.description().length() <= 160 ? nc.description() : nc.description().substring(0, 160) + "…";
        String meta = String.join(" ", nonNull(nc.clauseCode()), nonNull(nc.documentCode()),
                nc.causeCategory() == null ? "" : nc.causeCategory().name());
        String body = String.join("\n", nc.description(), nonNull(nc.correction()), nonNull(nc.rootCause()));
        return new SearchEntry(key(nc.id()), key(nc.id()), key(nc.id()), nc.unitId(), nc.unitName(),
                Visibility.READERS, TYPE, nc.status().isOpen() ? "NC_OPEN" : "NC_CLOSED", nc.id().label(), title,
                meta, body, nc.reportedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), null,
                "nonconformity/" + nc.id().value());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
