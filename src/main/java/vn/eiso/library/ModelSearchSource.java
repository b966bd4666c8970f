package vn.eiso.library;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitNames;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * The model library in the search index: each model with its current text and what its revisions changed,
 * opening the model in the library. {@link Visibility#SIGNED_IN}, because {@link ModelLibrary#models} and
 * {@link ModelLibrary#revisions} are open to every signed-in user; never public. A model belongs to no unit: it
 * is filed under the science department, which publishes it (and is shown as its unit). Without a science
 * department there is no one to have published a model under, and nothing is indexed.
 */
@Component
class ModelSearchSource implements SearchSource {

    static final String TYPE = "MODEL";

    private final JooqModelRepository models;
    private final UnitNames units;
    private final ZoneId zone;

    ModelSearchSource(JooqModelRepository models, UnitNames units, Clock clock) {
        this.models = models;
        this.units = units;
        this.zone = clock.getZone();
    }

    @Override
    public Set<String> targets() {
        return Set.of(ModelLibrary.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        Optional<Publisher> publisher = publisher();
        return new Refresh(key(targetId), publisher.flatMap(p -> models.find(targetId).map(m -> entry(m, p)))
                .map(List::of).orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        publisher().ifPresent(p -> models.models().forEach(m -> sink.accept(entry(m, p))));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return models.models().size();
    }

    private record Publisher(UnitId unit, String name) {
    }

    private Optional<Publisher> publisher() {
        return units.scienceDepartment()
                .map(u -> new Publisher(u, units.namesOf(List.of(u)).getOrDefault(u, "")));
    }

    private static String key(long id) {
        return "model:" + id;
    }

    private SearchEntry entry(Model m, Publisher publisher) {
        List<ModelRevision> revisions = models.revisions(m.id());
        String text = revisions.stream().filter(r -> r.number() == m.currentRevision()).findFirst()
                .map(ModelRevision::text).orElse("");
        String changes = revisions.stream().map(ModelRevision::changeSummary).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        String key = key(m.id());
        return new SearchEntry(key, key, key, publisher.unit(), publisher.name(), Visibility.SIGNED_IN, TYPE,
                "MODEL_PUBLISHED", m.code(), m.title(), m.isoClauses(), text + (changes.isEmpty() ? "" : "\n\n" + changes),
                m.revisedAt() == null ? null : m.revisedAt().atZoneSameInstant(zone).toLocalDate(),
                m.currentRevision(), ModelLibrary.ROUTE + "/" + m.id());
    }
}
