package vn.eiso.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * Internal audits in the search index: one entry for the audit (its plan, scope, team and report) and one per
 * finding (an item answered other than "conforming", with its evidence), both opening the audit's page. Both are
 * {@link Visibility#READERS}: {@link Audits#get} lets whoever may read the unit read the audit, its checklist and
 * its report at every stage, planned to acknowledged. Auditors from other units, who also read the audits they
 * work on, find them on their dashboard rather than here: the index knows units, not teams.
 */
@Component
class AuditSearchSource implements SearchSource {

    static final String AUDIT = "AUDIT";
    static final String FINDING = "AUDIT_FINDING";

    private final JooqInternalAuditRepository audits;

    AuditSearchSource(JooqInternalAuditRepository audits) {
        this.audits = audits;
    }

    @Override
    public Set<String> targets() {
        return Set.of(Audits.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        AuditId id = new AuditId(targetId);
        return new Refresh(key(id), entries(id));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        audits.ids().forEach(id -> entries(id).forEach(sink));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return audits.ids().size();
    }

    private static String key(AuditId id) {
        return "audit:" + id.value();
    }

    private List<SearchEntry> entries(AuditId id) {
        Audit audit = audits.find(id).orElse(null);
        if (audit == null) {
            return List.of();
        }
        List<AuditItem> items = audits.items(id);
        String route = "audit/" + id.value();
        String status = "AUDIT_" + audit.status().name();
        List<SearchEntry> out = new ArrayList<>();
        String scope = join("\n", audit.procedures().stream().map(p -> p.code() + " " + p.title()));
        String team = join(", ", Stream.concat(Stream.of(audit.lead()), audit.team().stream()).map(Person::name));
        String meta = join(" ", Stream.concat(audit.clauses().stream(),
                audit.procedures().stream().map(Audit.ScopedProcedure::code))) + "\n" + team;
        String body = join("\n\n", Stream.of(audit.criteria(), scope, audit.summary(), audit.conclusion()));
        out.add(new SearchEntry(key(id), key(id), key(id), audit.unitId(), audit.unitName(), Visibility.READERS,
                AUDIT, status, null, audit.title(), meta, body, audit.startsOn(), null, route));
        for (AuditItem item : items) {
            if (item.result() == null || item.result() == ItemResult.CONFORMING) {
                continue;
            }
            String itemKey = "audit-item:" + item.id().value();
            String where = item.documentCode() != null ? item.documentCode() + " " + nonNull(item.documentTitle())
                    : item.question() != null ? item.question() : nonNull(item.clauseCode());
            out.add(new SearchEntry(itemKey, key(id), itemKey, audit.unitId(), audit.unitName(), Visibility.READERS,
                    FINDING, "FINDING_" + item.result().name(), item.clauseCode(), audit.title() + " · " + where,
                    join(" ", Stream.of(item.clauseCode(), item.documentCode())), nonNull(item.evidence()),
                    audit.startsOn(), null, route));
        }
        return out;
    }

    private static String join(String separator, Stream<String> parts) {
        return parts.filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
