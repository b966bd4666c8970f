package vn.eiso.planning;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitNames;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * Quality objectives and the risks and opportunities register in the search index, each opening its own row of
 * the unit's list. {@link Visibility#READERS}: {@link Objectives#ofUnit} and {@link Risks#ofUnit} show both to
 * whoever may read the unit, inactive objectives and closed risks included.
 */
@Component
class PlanningSearchSource implements SearchSource {

    static final String OBJECTIVE = "OBJECTIVE";

    private final JooqPlanningRepository repository;
    private final UnitNames unitNames;
    private final ZoneId zone;

    PlanningSearchSource(JooqPlanningRepository repository, UnitNames unitNames, Clock clock) {
        this.repository = repository;
        this.unitNames = unitNames;
        this.zone = clock.getZone();
    }

    @Override
    public Set<String> targets() {
        return Set.of(Objectives.TARGET, Risks.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        if (Risks.TARGET.equals(targetType)) {
            RiskId id = new RiskId(targetId);
            return new Refresh(key(id), repository.risk(id).map(r -> entry(r, names(List.of(r.unitId()))))
                    .map(List::of).orElse(List.of()));
        }
        ObjectiveId id = new ObjectiveId(targetId);
        return new Refresh(key(id), repository.objective(id).map(o -> entry(o, names(List.of(o.unitId()))))
                .map(List::of).orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        List<Objective> objectives = repository.allObjectives();
        List<Risk> risks = repository.allRisks();
        Map<UnitId, String> names = names(Stream.concat(objectives.stream().map(Objective::unitId),
                risks.stream().map(Risk::unitId)).toList());
        objectives.forEach(o -> sink.accept(entry(o, names)));
        risks.forEach(r -> sink.accept(entry(r, names)));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return repository.allObjectives().size() + repository.allRisks().size();
    }

    private Map<UnitId, String> names(List<UnitId> units) {
        return unitNames.namesOf(units);
    }

    private static String key(ObjectiveId id) {
        return "objective:" + id.value();
    }

    private static String key(RiskId id) {
        return "risk:" + id.value();
    }

    private SearchEntry entry(Objective o, Map<UnitId, String> names) {
        String key = key(o.id());
        String target = (o.direction() == Objective.Direction.AT_LEAST ? "≥ " : "≤ ") + o.target().toPlainString()
                + (o.measureUnit() == null ? "" : " " + o.measureUnit());
        return new SearchEntry(key, key, key, o.unitId(), names.getOrDefault(o.unitId(), ""), Visibility.READERS,
                OBJECTIVE, o.active() ? "OBJECTIVE_ACTIVE" : "OBJECTIVE_INACTIVE", null, o.title(), o.ownerName(),
                o.indicator() + "\n" + target, o.latestOn(), null, "objectives/" + o.id().value());
    }

    private SearchEntry entry(Risk r, Map<UnitId, String> names) {
        String key = key(r.id());
        String body = Stream.of(r.process(), r.actions()).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n\n"));
        return new SearchEntry(key, key, key, r.unitId(), names.getOrDefault(r.unitId(), ""), Visibility.READERS,
                r.kind().name(), "RISK_" + r.status().name(), null, r.title(), r.ownerName(), body,
                r.updatedAt() == null ? null : r.updatedAt().atZoneSameInstant(zone).toLocalDate(), null, "risks/" + r.id().value());
    }
}
