package vn.eiso.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * The science department's inspections in the search index: one entry for the inspection (purpose, team,
 * conclusion) and one per finding, both opening the inspection. {@link Visibility#READERS} of the inspected
 * unit: {@link Inspections#ofUnit} and {@link Inspections#findings} let the unit read its own inspections and
 * the department (a reader of every unit) all of them.
 */
@Component
class InspectionSearchSource implements SearchSource {

    static final String INSPECTION = "INSPECTION";
    static final String FINDING = "INSPECTION_FINDING";

    private final JooqInspectionRepository inspections;

    InspectionSearchSource(JooqInspectionRepository inspections) {
        this.inspections = inspections;
    }

    @Override
    public Set<String> targets() {
        return Set.of(Inspections.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        return new Refresh(key(targetId), inspections.find(targetId).map(this::entries).orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        inspections.list(JooqInspectionRepository.all()).forEach(i -> entries(i).forEach(sink));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return inspections.list(JooqInspectionRepository.all()).size();
    }

    private static String key(long id) {
        return "inspection:" + id;
    }

    private List<SearchEntry> entries(Inspection i) {
        String key = key(i.id());
        String route = "inspection/" + i.id();
        String status = "INSPECTION_" + i.status().name();
        List<SearchEntry> out = new ArrayList<>();
        out.add(new SearchEntry(key, key, key, i.unitId(), i.unitName(), Visibility.READERS, INSPECTION, status,
                null, title(i.purpose()), i.inspectors(),
                i.purpose() + (i.conclusion() == null ? "" : "\n\n" + i.conclusion()), i.plannedOn(), null, route));
        for (Finding f : inspections.findings(i.id())) {
            String findingKey = "inspection-finding:" + f.id();
            out.add(new SearchEntry(findingKey, key, findingKey, i.unitId(), i.unitName(), Visibility.READERS,
                    FINDING, status, f.nonconformity().label(), title(f.description()), null, f.description(),
                    i.plannedOn(), null, route));
        }
        return out;
    }

    private static String title(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
