package vn.eiso.catalogue;

import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.TTHC;
import static vn.eiso.db.Tables.TTHC_CATALOGUE_VERSION;
import static vn.eiso.db.Tables.TTHC_HISTORY;
import static vn.eiso.db.Tables.UNIT_TTHC;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

@Repository
class JooqCatalogueRepository {

    private final DSLContext dsl;

    JooqCatalogueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    int currentVersion() {
        Integer version = dsl.select(DSL.max(TTHC_CATALOGUE_VERSION.VERSION)).from(TTHC_CATALOGUE_VERSION)
                .fetchOne(0, Integer.class);
        return version == null ? 0 : version;
    }

    /** Fails with a duplicate key when another import took the version meanwhile. */
    void insertVersion(int version, String fileName, int added, int amended, int abolished, String by,
            OffsetDateTime at) {
        dsl.insertInto(TTHC_CATALOGUE_VERSION).set(TTHC_CATALOGUE_VERSION.VERSION, version)
                .set(TTHC_CATALOGUE_VERSION.FILE_NAME, fileName).set(TTHC_CATALOGUE_VERSION.ADDED, added)
                .set(TTHC_CATALOGUE_VERSION.AMENDED, amended).set(TTHC_CATALOGUE_VERSION.ABOLISHED, abolished)
                .set(TTHC_CATALOGUE_VERSION.IMPORTED_BY, by).set(TTHC_CATALOGUE_VERSION.IMPORTED_AT, at).execute();
    }

    List<Tthc> all() {
        return dsl.selectFrom(TTHC).orderBy(TTHC.CODE).fetch(JooqCatalogueRepository::tthc);
    }

    Optional<Tthc> byCode(String code) {
        return dsl.selectFrom(TTHC).where(TTHC.CODE.eq(code)).fetchOptional(JooqCatalogueRepository::tthc);
    }

    long insert(CatalogueChange c, int version) {
        return dsl.insertInto(TTHC).set(TTHC.CODE, c.code()).set(TTHC.FULL_CODE, c.fullCode())
                .set(TTHC.NAME, c.name()).set(TTHC.FIELD, c.field()).set(TTHC.TTHC_LEVEL, c.level().name())
                .set(TTHC.AGENCY, c.agency()).set(TTHC.DECIDING_ACT, c.decidingAct()).set(TTHC.STATUS, "ACTIVE")
                .set(TTHC.VERSION, version).returningResult(TTHC.ID).fetchSingle(TTHC.ID);
    }

    void update(long id, CatalogueChange c, int version) {
        dsl.update(TTHC).set(TTHC.FULL_CODE, c.fullCode()).set(TTHC.NAME, c.name()).set(TTHC.FIELD, c.field())
                .set(TTHC.TTHC_LEVEL, c.level().name()).set(TTHC.AGENCY, c.agency())
                .set(TTHC.DECIDING_ACT, c.decidingAct()).set(TTHC.STATUS, "ACTIVE").set(TTHC.VERSION, version)
                .where(TTHC.ID.eq(id)).execute();
    }

    void abolish(long id, int version) {
        dsl.update(TTHC).set(TTHC.STATUS, "ABOLISHED").set(TTHC.VERSION, version).where(TTHC.ID.eq(id)).execute();
    }

    void recordHistory(long tthcId, int version, CatalogueChange c) {
        dsl.insertInto(TTHC_HISTORY).set(TTHC_HISTORY.TTHC_ID, tthcId).set(TTHC_HISTORY.VERSION, version)
                .set(TTHC_HISTORY.CHANGE_KIND, c.kind().name()).set(TTHC_HISTORY.NAME, c.name())
                .set(TTHC_HISTORY.FIELD, c.field()).set(TTHC_HISTORY.TTHC_LEVEL, c.level().name())
                .set(TTHC_HISTORY.AGENCY, c.agency()).set(TTHC_HISTORY.DECIDING_ACT, c.decidingAct()).execute();
    }

    /** A procedure's versions, oldest first: the catalogue version, what changed, and the values it then had. */
    List<TthcVersion> history(long tthcId) {
        return dsl.select(TTHC_HISTORY.VERSION, TTHC_HISTORY.CHANGE_KIND, TTHC_HISTORY.NAME, TTHC_HISTORY.TTHC_LEVEL,
                        TTHC_HISTORY.AGENCY, TTHC_CATALOGUE_VERSION.FILE_NAME, TTHC_CATALOGUE_VERSION.IMPORTED_AT)
                .from(TTHC_HISTORY).join(TTHC_CATALOGUE_VERSION)
                .on(TTHC_CATALOGUE_VERSION.VERSION.eq(TTHC_HISTORY.VERSION))
                .where(TTHC_HISTORY.TTHC_ID.eq(tthcId)).orderBy(TTHC_HISTORY.VERSION)
                .fetch(r -> new TthcVersion(r.get(TTHC_HISTORY.VERSION),
                        CatalogueChange.Kind.valueOf(r.get(TTHC_HISTORY.CHANGE_KIND)), r.get(TTHC_HISTORY.NAME),
                        TthcLevel.valueOf(r.get(TTHC_HISTORY.TTHC_LEVEL)), r.get(TTHC_HISTORY.AGENCY),
                        r.get(TTHC_CATALOGUE_VERSION.FILE_NAME), r.get(TTHC_CATALOGUE_VERSION.IMPORTED_AT)));
    }

    /** Replaces the mappings found from the agency column; those set by hand (added or excluded) stay. */
    void replaceAgencyMappings(Map<Long, Set<UnitId>> found) {
        dsl.deleteFrom(UNIT_TTHC).where(UNIT_TTHC.SOURCE.eq("AGENCY")).execute();
        Set<List<Long>> manual = dsl.select(UNIT_TTHC.UNIT_ID, UNIT_TTHC.TTHC_ID).from(UNIT_TTHC)
                .fetchSet(r -> List.of(r.value1(), r.value2()));
        var insert = dsl.batch(dsl.insertInto(UNIT_TTHC, UNIT_TTHC.UNIT_ID, UNIT_TTHC.TTHC_ID, UNIT_TTHC.SOURCE)
                .values((Long) null, null, null));
        boolean any = false;
        for (var entry : found.entrySet()) {
            for (UnitId unit : entry.getValue()) {
                if (!manual.contains(List.of(unit.value(), entry.getKey()))) {
                    insert.bind(unit.value(), entry.getKey(), "AGENCY");
                    any = true;
                }
            }
        }
        if (any) {
            insert.execute();
        }
    }

    /** The procedures the unit handles: found from the agency or added by hand, not excluded. */
    List<Tthc> ofUnit(UnitId unit) {
        return dsl.select(TTHC.fields()).from(TTHC).join(UNIT_TTHC).on(UNIT_TTHC.TTHC_ID.eq(TTHC.ID))
                .where(UNIT_TTHC.UNIT_ID.eq(unit.value())).and(UNIT_TTHC.SOURCE.in("AGENCY", "MANUAL"))
                .orderBy(TTHC.CODE).fetch(JooqCatalogueRepository::tthc);
    }

    void setMapping(UnitId unit, long tthcId, String source) {
        dsl.insertInto(UNIT_TTHC).set(UNIT_TTHC.UNIT_ID, unit.value()).set(UNIT_TTHC.TTHC_ID, tthcId)
                .set(UNIT_TTHC.SOURCE, source).onConflict(UNIT_TTHC.UNIT_ID, UNIT_TTHC.TTHC_ID).doUpdate()
                .set(UNIT_TTHC.SOURCE, source).execute();
    }

    /** The procedures in force each unit handles, by code; for the given units, or all when null. */
    Map<UnitId, Set<String>> handledCodes(Collection<UnitId> units) {
        Map<UnitId, Set<String>> codes = new HashMap<>();
        dsl.select(UNIT_TTHC.UNIT_ID, TTHC.CODE).from(UNIT_TTHC).join(TTHC).on(TTHC.ID.eq(UNIT_TTHC.TTHC_ID))
                .where(UNIT_TTHC.SOURCE.in("AGENCY", "MANUAL")).and(TTHC.STATUS.eq("ACTIVE"))
                .and(units == null ? DSL.noCondition() : UNIT_TTHC.UNIT_ID.in(ids(units)))
                .forEach(r -> codes.computeIfAbsent(new UnitId(r.value1()), u -> new HashSet<>()).add(r.value2()));
        return codes;
    }

    /** The TTHC codes texts of each unit's documents in force; for the given units, or all when null. */
    Map<UnitId, List<String>> citedCodesByUnit(Collection<UnitId> units) {
        Map<UnitId, List<String>> texts = new HashMap<>();
        dsl.select(DOCUMENT.UNIT_ID, DOCUMENT.TTHC_CODES).from(DOCUMENT).where(DOCUMENT.STATUS.eq("EFFECTIVE"))
                .and(DOCUMENT.TTHC_CODES.isNotNull())
                .and(units == null ? DSL.noCondition() : DOCUMENT.UNIT_ID.in(ids(units)))
                .forEach(r -> texts.computeIfAbsent(new UnitId(r.value1()), u -> new ArrayList<>()).add(r.value2()));
        return texts;
    }

    private static List<Long> ids(Collection<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }

    /** The units that handle (by agency or by hand) any of the procedures. */
    Set<UnitId> unitsHandling(Set<String> codes) {
        return dsl.selectDistinct(UNIT_TTHC.UNIT_ID).from(UNIT_TTHC).join(TTHC).on(TTHC.ID.eq(UNIT_TTHC.TTHC_ID))
                .where(TTHC.CODE.in(codes)).and(UNIT_TTHC.SOURCE.in("AGENCY", "MANUAL"))
                .fetchSet(r -> new UnitId(r.value1()));
    }

    /** The TTHC codes cited by the unit's documents in force (free text, as the register keeps them). */
    /** The unit's documents in force that cite any TTHC, with the field as stored. */
    Map<CitingDocument, String> citing(UnitId unit) {
        Map<CitingDocument, String> citing = new LinkedHashMap<>();
        dsl.select(DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TTHC_CODES).from(DOCUMENT)
                .where(DOCUMENT.UNIT_ID.eq(unit.value())).and(DOCUMENT.STATUS.eq("EFFECTIVE"))
                .and(DOCUMENT.TTHC_CODES.isNotNull()).orderBy(DOCUMENT.CODE)
                .forEach(r -> citing.put(new CitingDocument(r.value1(), r.value2()), r.value3()));
        return citing;
    }

    private static Tthc tthc(Record r) {
        return new Tthc(r.get(TTHC.ID), r.get(TTHC.CODE), r.get(TTHC.FULL_CODE), r.get(TTHC.NAME), r.get(TTHC.FIELD),
                TthcLevel.valueOf(r.get(TTHC.TTHC_LEVEL)), r.get(TTHC.AGENCY), r.get(TTHC.DECIDING_ACT),
                "ABOLISHED".equals(r.get(TTHC.STATUS)), r.get(TTHC.VERSION));
    }
}
