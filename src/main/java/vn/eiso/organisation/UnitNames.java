package vn.eiso.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UnitId;

/**
 * Units' current names by id, for labels that must follow a rename at once (search hits and facets) without
 * copying the name into what shows them. Names are not guarded: the public register shows them to anyone, and
 * a caller only ever asks for ids it was already allowed to see.
 */
@Component
public class UnitNames {

    private final JooqUnitRepository units;

    UnitNames(JooqUnitRepository units) {
        this.units = units;
    }

    /** The current names of these units; an id that no longer exists is left out. */
    @Transactional(readOnly = true)
    public Map<UnitId, String> namesOf(Collection<UnitId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UnitId, String> out = new HashMap<>();
        units.names(ids.stream().map(UnitId::value).distinct().toList())
                .forEach((id, name) -> out.put(new UnitId(id), name));
        return out;
    }

    /** The science department, which publishes what is the province's (the model library), if there is one. */
    @Transactional(readOnly = true)
    public Optional<UnitId> scienceDepartment() {
        return units.firstOfType(UnitType.SCIENCE_DEPARTMENT);
    }
}
