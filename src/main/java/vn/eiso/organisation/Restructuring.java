package vn.eiso.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;

/**
 * Merges and splits units (the 2025 reform made this everyday work). Each call is one transaction: every item
 * moves, the predecessors are archived and the lineage is written, or nothing changes at all. What moves is
 * whatever the features declare through {@link UnitHoldings}.
 */
@Service
public class Restructuring {

    private final UnitService units;
    private final JooqUnitRepository unitRows;
    private final JooqLineageRepository lineage;
    private final List<UnitHoldings> holdings;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Restructuring(UnitService units, JooqUnitRepository unitRows, JooqLineageRepository lineage,
            List<UnitHoldings> holdings, AccessGuard guard, AuditTrail trail, ApplicationEventPublisher events,
            Clock clock) {
        this.units = units;
        this.unitRows = unitRows;
        this.lineage = lineage;
        this.holdings = holdings;
        this.guard = guard;
        this.trail = trail;
        this.events = events;
        this.clock = clock;
    }

    /** How many items of each kind the unit holds, for the merge preview. */
    @Transactional(readOnly = true)
    public Map<String, Integer> counts(UnitId unit) {
        guard.requireAdministrator();
        Map<String, Integer> counts = new LinkedHashMap<>();
        holdings.forEach(h -> counts.put(h.kind(), h.of(unit).size()));
        return counts;
    }

    /** Every item of the unit, for choosing where each goes in a split. */
    @Transactional(readOnly = true)
    public List<UnitHoldings.Holding> holdingsOf(UnitId unit) {
        guard.requireAdministrator();
        List<UnitHoldings.Holding> all = new ArrayList<>();
        holdings.forEach(h -> all.addAll(h.of(unit)));
        return all;
    }

    @Transactional(readOnly = true)
    public List<Lineage> lineageOf(UnitId unit) {
        guard.requireReadAccess(unit);
        return lineage.of(unit);
    }

    /**
     * Moves everything the predecessors hold to the successor, re-parents their sub-units and archives them.
     * Refused when the successor is one of them or lies below one of them.
     */
    @Transactional
    public void merge(Collection<UnitId> predecessors, UnitId successor) {
        guard.requireAdministrator();
        if (predecessors.isEmpty() || successor == null) {
            throw new DomainException("error.merge.nothing");
        }
        // In the order given: the first predecessor keeps a document code both use, later ones get theirs suffixed.
        List<UnitId> all = new ArrayList<>(new LinkedHashSet<>(predecessors));
        if (all.contains(successor)) {
            throw new DomainException("error.merge.self");
        }
        all.add(successor);
        lineage.lock(all);
        Unit target = active(successor);
        for (UnitId id : all.subList(0, all.size() - 1)) {
            Unit from = active(id);
            if (isBelow(target, from.id())) {
                throw new DomainException("error.merge.descendant", target.name(), from.name());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (UnitId id : all.subList(0, all.size() - 1)) {
            Unit from = active(id);
            long step = lineage.insert(UnitRestructured.Kind.MERGE, from.id(), target.id(), now, guard.actorName());
            List<UnitHoldings.Moved> moved = new ArrayList<>();
            holdings.forEach(h -> moved.addAll(h.moveAll(from.id(), target.id())));
            record(step, moved, from, target);
            for (Long child : lineage.reparentActiveChildren(from.id(), target.id(), now)) {
                trail.record("UNIT_REPARENTED", UnitService.TARGET, child, new UnitId(child),
                        from.code() + " → " + target.code());
            }
            lineage.archive(from.id(), now);
            trail.record("UNIT_MERGED", UnitService.TARGET, from.id(), from.id(),
                    from.code() + " → " + target.code() + " · " + moved.size());
            trail.record("UNIT_MERGED", UnitService.TARGET, target.id(), target.id(),
                    from.code() + " → " + target.code() + " · " + moved.size());
            events.publishEvent(new UnitRestructured(UnitRestructured.Kind.MERGE, from.id(), from.name(),
                    target.id(), target.name()));
        }
    }

    /**
     * Moves the chosen items of {@code source} to the units named for them; items not named stay. With
     * {@code archiveSource} nothing may stay, and the source is archived.
     */
    @Transactional
    public void split(UnitId source, Map<UnitHoldings.Holding, UnitId> plan, boolean archiveSource) {
        guard.requireAdministrator();
        Set<UnitId> targets = new HashSet<>(plan.values());
        targets.remove(source);
        if (targets.isEmpty()) {
            throw new DomainException("error.split.nothing");
        }
        List<UnitId> all = new ArrayList<>(targets);
        all.add(source);
        lineage.lock(all);
        Unit from = active(source);
        if (archiveSource) {
            long left = holdings.stream().flatMap(h -> h.of(source).stream())
                    .filter(h -> plan.getOrDefault(h, source).equals(source)).count();
            if (left > 0) {
                throw new DomainException("error.split.leftovers", left);
            }
            int children = unitRows.countChildren(source, true);
            if (children > 0) {
                throw new DomainException("error.unit.hasActiveChildren", children);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (UnitId targetId : targets) {
            Unit target = active(targetId);
            long step = lineage.insert(UnitRestructured.Kind.SPLIT, from.id(), target.id(), now, guard.actorName());
            List<UnitHoldings.Moved> moved = new ArrayList<>();
            for (UnitHoldings h : holdings) {
                List<Long> ids = plan.entrySet().stream()
                        .filter(e -> e.getKey().kind().equals(h.kind()) && e.getValue().equals(targetId))
                        .map(e -> e.getKey().id()).toList();
                if (!ids.isEmpty()) {
                    moved.addAll(h.move(from.id(), target.id(), ids));
                }
            }
            record(step, moved, from, target);
            trail.record("UNIT_SPLIT", UnitService.TARGET, from.id(), from.id(),
                    from.code() + " → " + target.code() + " · " + moved.size());
            trail.record("UNIT_SPLIT", UnitService.TARGET, target.id(), target.id(),
                    from.code() + " → " + target.code() + " · " + moved.size());
            events.publishEvent(new UnitRestructured(UnitRestructured.Kind.SPLIT, from.id(), from.name(),
                    target.id(), target.name()));
        }
        if (archiveSource) {
            lineage.archive(from.id(), now);
            trail.record("UNIT_ARCHIVED", UnitService.TARGET, from.id(), from.id(), null);
        }
    }

    /** Each moved item gets a trail line under its own target: its history shows the move, and search re-indexes it. */
    private void record(long step, List<UnitHoldings.Moved> moved, Unit from, Unit to) {
        lineage.addItems(step, moved);
        String route = from.code() + " → " + to.code();
        for (UnitHoldings.Moved m : moved) {
            trail.record("ITEM_TRANSFERRED", m.targetType(), m.id(), to.id(),
                    m.note() == null ? route : route + " · " + m.note());
        }
    }

    private Unit active(UnitId id) {
        Unit unit = units.get(id);
        if (!unit.isActive()) {
            throw new DomainException("error.merge.archived", unit.name());
        }
        return unit;
    }

    private boolean isBelow(Unit unit, UnitId ancestor) {
        Set<UnitId> seen = new HashSet<>();
        UnitId parent = unit.parentId();
        while (parent != null && seen.add(parent)) {
            if (parent.equals(ancestor)) {
                return true;
            }
            parent = unitRows.findById(parent).map(Unit::parentId).orElse(null);
        }
        return false;
    }
}
