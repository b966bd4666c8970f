package vn.eiso.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;

/** Units and their hierarchy. Changes are the administrator's; the science department reads all units. */
@Service
public class UnitService {

    static final String TARGET = "UNIT";

    private final JooqUnitRepository units;
    private final JooqUserRepository users;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    UnitService(JooqUnitRepository units, JooqUserRepository users, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.units = units;
        this.users = users;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** Every unit, active and archived: for administrators and the science department. */
    @Transactional(readOnly = true)
    public List<Unit> all() {
        guard.requireProvinceWide();
        return units.findAll();
    }

    @Transactional(readOnly = true)
    public Unit get(UnitId id) {
        guard.requireReadAccess(id);
        return units.findById(id).orElseThrow(() -> new DomainException("error.unit.notFound"));
    }

    /** The name of the unit above this one (a decision's heading names it), for whoever may read this one. */
    @Transactional(readOnly = true)
    public Optional<String> parentName(UnitId id) {
        Unit unit = get(id);
        return unit.parentId() == null ? Optional.empty() : units.findById(unit.parentId()).map(Unit::name);
    }

    /** The unit with this code, if the caller may read it. */
    @Transactional(readOnly = true)
    public Unit byCode(String code) {
        Unit unit = units.findByCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new DomainException("error.unit.notFound"));
        guard.requireReadAccess(unit.id());
        return unit;
    }

    /** Active units per type, for the province-wide headline figures. */
    @Transactional(readOnly = true)
    public Map<UnitType, Integer> activeCountByType() {
        guard.requireProvinceWide();
        return units.countActiveByType();
    }

    @Transactional
    public Unit create(UnitData input) {
        guard.requireAdministrator();
        UnitData data = validated(input, null);
        UnitId id = insertChecked(data);
        trail.record("UNIT_CREATED", TARGET, id, id, data.code() + " · " + data.name());
        return units.findById(id).orElseThrow();
    }

    @Transactional
    public Unit update(UnitId id, int version, UnitData input) {
        guard.requireAdministrator();
        Unit before = existing(id);
        UnitData data = validated(input, id);
        try {
            if (!units.update(id, version, data, now())) {
                throw new ConcurrentEditException();
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.unit.codeTaken", data.code());
        }
        trail.record("UNIT_UPDATED", TARGET, id, id, describeChange(before, data));
        return existing(id);
    }

    /** Archived units keep their history and stay readable; their sub-units must be archived first. */
    @Transactional
    public Unit archive(UnitId id, int version) {
        guard.requireAdministrator();
        existing(id);
        int activeChildren = units.countChildren(id, true);
        if (activeChildren > 0) {
            throw new DomainException("error.unit.hasActiveChildren", activeChildren);
        }
        changeStatus(id, version, UnitStatus.ARCHIVED);
        // A membership of an archived unit no longer counts: its members' sessions end with it (ADR 0020).
        users.endSessionsOfMembersOf(id);
        trail.record("UNIT_ARCHIVED", TARGET, id, id, null);
        return existing(id);
    }

    @Transactional
    public Unit restore(UnitId id, int version) {
        guard.requireAdministrator();
        Unit unit = existing(id);
        if (unit.parentId() != null && !existing(unit.parentId()).isActive()) {
            throw new DomainException("error.unit.parentArchived");
        }
        changeStatus(id, version, UnitStatus.ACTIVE);
        trail.record("UNIT_RESTORED", TARGET, id, id, null);
        return existing(id);
    }

    /** Only a unit entered by mistake can be deleted: one with members or sub-units is archived instead. */
    @Transactional
    public void delete(UnitId id, int version) {
        guard.requireAdministrator();
        Unit unit = existing(id);
        if (units.countMembers(id) > 0) {
            throw new DomainException("error.unit.hasMembers");
        }
        if (units.countChildren(id, false) > 0) {
            throw new DomainException("error.unit.hasChildren");
        }
        if (!units.delete(id, version)) {
            throw new ConcurrentEditException();
        }
        trail.record("UNIT_DELETED", TARGET, id, null, unit.code() + " · " + unit.name());
    }

    /** Creates units without an audit line each: the import writes one summary line instead. */
    UnitId insertChecked(UnitData data) {
        try {
            return units.insert(data, now());
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.unit.codeTaken", data.code());
        }
    }

    private UnitData validated(UnitData input, UnitId self) {
        String code = Validation.unitCode(input.code());
        String name = Validation.name(input.name());
        if (input.type() == null) {
            throw new DomainException("error.unit.typeRequired");
        }
        if (units.codeTaken(code, self)) {
            throw new DomainException("error.unit.codeTaken", code);
        }
        if (input.parentId() != null) {
            Unit parent = units.findById(input.parentId())
                    .orElseThrow(() -> new DomainException("error.unit.parentNotFound"));
            if (!parent.isActive()) {
                throw new DomainException("error.unit.parentArchived");
            }
            if (self != null && isSelfOrAncestor(self, parent)) {
                throw new DomainException("error.unit.cycle");
            }
        }
        return new UnitData(code, name, input.type(), input.parentId());
    }

    /** True when {@code candidateParent} is {@code self} or lies below it, i.e. the move would close a loop. */
    private boolean isSelfOrAncestor(UnitId self, Unit candidateParent) {
        Set<UnitId> seen = new HashSet<>();
        Unit current = candidateParent;
        while (current != null && seen.add(current.id())) {
            if (current.id().equals(self)) {
                return true;
            }
            current = current.parentId() == null ? null : units.findById(current.parentId()).orElse(null);
        }
        return false;
    }

    private void changeStatus(UnitId id, int version, UnitStatus status) {
        if (!units.updateStatus(id, version, status, now())) {
            throw new ConcurrentEditException();
        }
    }

    private Unit existing(UnitId id) {
        return units.findById(id).orElseThrow(() -> new DomainException("error.unit.notFound"));
    }

    private static String describeChange(Unit before, UnitData after) {
        return before.code() + " · " + before.name() + " → " + after.code() + " · " + after.name()
                + (Objects.equals(before.parentId(), after.parentId()) ? ""
                        : " · parent " + before.parentId() + " → " + after.parentId());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
