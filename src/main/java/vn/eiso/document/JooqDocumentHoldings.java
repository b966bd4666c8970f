package vn.eiso.document;

import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.RECORD_ENTRY;
import static vn.eiso.db.Tables.UNIT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.TableHoldings;

/**
 * Documents move with every revision, file, sign-off and record (those hang off the document). A code the
 * successor already uses gets the predecessor's unit code appended, so both procedures stay apart and findable.
 */
@Repository
class JooqDocumentHoldings extends TableHoldings {

    private static final int MAX_CODE = 64;

    JooqDocumentHoldings(DSLContext dsl) {
        super(dsl, DocumentRegister.TARGET, DOCUMENT, DOCUMENT.ID, DOCUMENT.UNIT_ID,
                DSL.concat(DOCUMENT.CODE, DSL.inline(" · "), DOCUMENT.TITLE),
                List.of(new Child(RECORD_ENTRY, RECORD_ENTRY.ID, RECORD_ENTRY.TEMPLATE_ID, RECORD_ENTRY.UNIT_ID,
                        Records.TARGET)));
    }

    @Override
    protected Map<Long, String> prepare(UnitId from, UnitId to, List<Long> ids) {
        Set<String> successor = new HashSet<>(dsl.select(DOCUMENT.CODE).from(DOCUMENT)
                .where(DOCUMENT.UNIT_ID.eq(to.value())).fetch(DOCUMENT.CODE));
        // A new code may clash with the successor's codes and with those arriving alongside.
        Set<String> taken = new HashSet<>(successor);
        taken.addAll(dsl.select(DOCUMENT.CODE).from(DOCUMENT).where(DOCUMENT.ID.in(ids)).fetch(DOCUMENT.CODE));
        String suffix = "-" + dsl.select(UNIT.CODE).from(UNIT).where(UNIT.ID.eq(from.value())).fetchOne(UNIT.CODE);
        Map<Long, String> notes = new HashMap<>();
        dsl.select(DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE).from(DOCUMENT)
                .where(DOCUMENT.ID.in(ids).and(DOCUMENT.CODE.in(successor))).fetch().forEach(r -> {
                    String code = unique(r.value2(), suffix, taken);
                    taken.add(code);
                    dsl.update(DOCUMENT).set(DOCUMENT.CODE, code)
                            .set(DOCUMENT.CODE_KEY, JooqDocumentRepository.codeKey(code))
                            .set(DOCUMENT.SEARCH_KEY, TextFolding.fold(code + " " + r.value3()))
                            .where(DOCUMENT.ID.eq(r.value1())).execute();
                    notes.put(r.value1(), r.value2() + " → " + code);
                });
        return notes;
    }

    private static String unique(String code, String suffix, Set<String> taken) {
        String base = code + suffix;
        String candidate = base.length() > MAX_CODE ? base.substring(0, MAX_CODE) : base;
        for (int n = 2; taken.contains(candidate); n++) {
            String numbered = base + "-" + n;
            candidate = numbered.length() > MAX_CODE ? numbered.substring(numbered.length() - MAX_CODE) : numbered;
        }
        return candidate;
    }
}
