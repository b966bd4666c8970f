package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Decision;
import vn.eiso.announcement.Scopes;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.DemoSteps;
import vn.eiso.support.ServiceTest;

/**
 * Merging and splitting units: everything moves with its content intact (compared row by row, by checksum,
 * before and after), lineage and re-announcement follow, and bad requests change nothing. Rolled back after each.
 */
@Transactional
class RestructuringTest extends ServiceTest {

    /** Every table that holds a unit's QMS data, and how its rows hang off the unit (directly or through a parent). */
    static final Map<String, String> HOLDINGS = new LinkedHashMap<>();

    static {
        String documents = "select id from document where unit_id in (%1$s)";
        String audits = "select id from audit where unit_id in (%1$s)";
        String ncs = "select id from nonconformity where unit_id in (%1$s)";
        String reviews = "select id from management_review where unit_id in (%1$s)";
        HOLDINGS.put("document", "unit_id in (%1$s)");
        HOLDINGS.put("revision", "document_id in (" + documents + ")");
        HOLDINGS.put("attachment", "revision_id in (select id from revision where document_id in (" + documents
                + "))");
        HOLDINGS.put("signoff", "revision_id in (select id from revision where document_id in (" + documents + "))");
        HOLDINGS.put("change_request", "document_id in (" + documents + ")");
        HOLDINGS.put("document_reference", "document_id in (" + documents + ")");
        HOLDINGS.put("record_entry", "unit_id in (%1$s)");
        HOLDINGS.put("audit", "unit_id in (%1$s)");
        HOLDINGS.put("audit_team", "audit_id in (" + audits + ")");
        HOLDINGS.put("audit_scope_document", "audit_id in (" + audits + ")");
        HOLDINGS.put("audit_item", "audit_id in (" + audits + ")");
        HOLDINGS.put("nonconformity", "unit_id in (%1$s)");
        HOLDINGS.put("nc_event", "nc_id in (" + ncs + ")");
        HOLDINGS.put("corrective_action", "unit_id in (%1$s)");
        HOLDINGS.put("management_review", "unit_id in (%1$s)");
        HOLDINGS.put("review_input", "review_id in (" + reviews + ")");
        HOLDINGS.put("review_action", "unit_id in (%1$s)");
        HOLDINGS.put("quality_objective", "unit_id in (%1$s)");
        HOLDINGS.put("objective_measurement", "objective_id in (select id from quality_objective where unit_id in "
                + "(%1$s))");
        HOLDINGS.put("risk", "unit_id in (%1$s)");
        HOLDINGS.put("qms_scope_item", "unit_id in (%1$s)");
        HOLDINGS.put("announcement", "unit_id in (%1$s)");
        HOLDINGS.put("membership", "unit_id in (%1$s)");
        HOLDINGS.put("inspection", "unit_id in (%1$s)");
        HOLDINGS.put("annual_report", "unit_id in (%1$s)");
        HOLDINGS.put("inspection_finding", "inspection_id in (select id from inspection where unit_id in (%1$s))");
    }

    /** Columns a move may change: the unit itself, optimistic-lock counters, an announcement's due flag. */
    static final Set<String> MOVABLE = Set.of("unit_id", "version", "updated_at", "status", "due_reason");

    @Autowired
    Restructuring restructuring;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Announcements announcements;
    @Autowired
    AuditTrail trail;
    @Autowired
    Scopes scopes;
    @Autowired
    DSLContext dsl;

    /** Per table: the row count and a SHA-256 over every row's content (ids included, movable columns not). */
    Map<String, String> checksums(UnitId... units) {
        String ids = java.util.Arrays.stream(units).map(u -> String.valueOf(u.value()))
                .collect(Collectors.joining(","));
        Map<String, String> sums = new LinkedHashMap<>();
        HOLDINGS.forEach((table, where) -> {
            List<String> rows = dsl.fetch("select * from " + table + " where " + where.formatted(ids)).stream()
                    .map(r -> r.intoMap().entrySet().stream()
                            .filter(e -> !MOVABLE.contains(e.getKey().toLowerCase()))
                            .map(e -> e.getKey().toLowerCase() + "=" + e.getValue())
                            .sorted().collect(Collectors.joining("|")))
                    .sorted().toList();
            sums.put(table, rows.size() + ":" + sha256(String.join("\n", rows)));
        });
        return sums;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UnitId newUnit(String code, String name, UnitId parent) {
        as("admin");
        return units.create(new UnitData(code, name, UnitType.PROVINCIAL_AGENCY, parent)).id();
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    @Test
    void a_merge_moves_every_row_with_its_content_intact_archives_the_old_units_and_flags_re_announcement() {
        DemoSteps.forgetOtherTestsMajorNonconformities(dsl, stp);
        DemoSteps.approveRiskProcedure(register, workflow, stp, this::as);
        as("lanhdao.stp");
        announcements.announce(stp, new Decision("15/QĐ-STP", today, "Trần Văn Hùng", "Giám đốc"));
        UnitId snv = unit("SNV");
        UnitId merged = newUnit("SNVTP", "Sở Nội vụ và Tư pháp", unit("HOAAN"));

        LocalDate appliedSince = scopes.of(stp).appliedSince();
        Map<String, String> before = checksums(stp, snv, merged);
        assertThat(before.get("document")).doesNotStartWith("0:");
        assertThat(before.get("revision")).doesNotStartWith("0:");
        assertThat(before.get("audit_item")).doesNotStartWith("0:");
        assertThat(before.get("nonconformity")).doesNotStartWith("0:");
        assertThat(before.get("announcement")).startsWith("1:");

        as("admin");
        restructuring.merge(List.of(stp, snv), merged);

        assertThat(checksums(merged)).isEqualTo(before);
        assertThat(checksums(stp, snv).values()).allMatch(sum -> sum.startsWith("0:"));
        assertThat(units.get(stp).status()).isEqualTo(UnitStatus.ARCHIVED);
        assertThat(units.get(snv).status()).isEqualTo(UnitStatus.ARCHIVED);
        assertThat(restructuring.lineageOf(merged)).hasSize(2)
                .allMatch(l -> l.kind() == UnitRestructured.Kind.MERGE && l.movedItems() > 0);
        assertThat(restructuring.lineageOf(stp)).singleElement()
                .satisfies(l -> assertThat(l.successorName()).isEqualTo("Sở Nội vụ và Tư pháp"));
        assertThat(trail.find(new AuditFilter(null, "ITEM_TRANSFERRED", null, null), 0, 500))
                .anyMatch(e -> "DOCUMENT".equals(e.targetType()) && e.details().startsWith("STP → SNVTP"));

        as("admin");
        assertThat(scopes.of(merged).appliedSince()).isEqualTo(appliedSince);
        Announcement moved = announcements.ofUnit(merged).getFirst();
        assertThat(moved.status()).isEqualTo(AnnouncementStatus.DUE);
        assertThat(moved.dueReason()).isEqualTo("MERGE");
        assertThat(moved.issuedUnitName()).isEqualTo("Sở Tư pháp");

        // The head of the old department now works in the successor and still reads the archived unit's name.
        as("lanhdao.stp");
        assertThat(announcements.ofUnit(merged)).hasSize(1);
        assertThat(register.list(DocumentFilter.of(merged), DocumentSort.CODE, true, 0, 100))
                .extracting(DocumentSummary::code).contains("QT-01", "QT-06");
    }

    @Test
    void a_code_the_successor_already_uses_gets_the_old_unit_code_appended() {
        UnitId successor = newUnit("STP2", "Sở Tư pháp (mới)", unit("HOAAN"));
        register.create(successor, DocumentData.of("QT-01", "Quy trình kiểm soát tài liệu của đơn vị mới",
                DocumentType.PROCEDURE, null));
        // The old unit already uses the code a rename would produce: the rename must avoid it too.
        register.create(stp, DocumentData.of("QT-01-STP", "Quy trình tạm", DocumentType.PROCEDURE, null));
        restructuring.merge(List.of(stp), successor);
        assertThat(register.list(DocumentFilter.of(successor), DocumentSort.CODE, true, 0, 100))
                .extracting(DocumentSummary::code).contains("QT-01", "QT-01-STP", "QT-01-STP-2", "QT-06");
        assertThat(trail.find(new AuditFilter(null, "ITEM_TRANSFERRED", null, null), 0, 500))
                .anyMatch(e -> e.details().endsWith("QT-01 → QT-01-STP-2"));
    }

    @Test
    void merging_into_itself_below_itself_or_into_an_archived_unit_is_refused_and_changes_nothing() {
        UnitId child = newUnit("STP-TT", "Trung tâm Trợ giúp pháp lý", stp);
        UnitId archived = newUnit("CU", "Đơn vị cũ", unit("HOAAN"));
        units.archive(archived, units.get(archived).version());
        Map<String, String> before = checksums(stp);

        refused(() -> restructuring.merge(List.of(stp), stp), "error.merge.self");
        refused(() -> restructuring.merge(List.of(stp), child), "error.merge.descendant");
        refused(() -> restructuring.merge(List.of(stp), archived), "error.merge.archived");
        refused(() -> restructuring.merge(List.of(), child), "error.merge.nothing");
        assertThat(checksums(stp)).isEqualTo(before);
        assertThat(units.get(stp).isActive()).isTrue();

        as("sokhcn");
        assertThatThrownBy(() -> restructuring.merge(List.of(child), stp))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_split_moves_the_chosen_items_with_their_children_and_keeps_the_rest() {
        UnitId target = newUnit("TTHCC-TP", "Trung tâm Hành chính công - Tư pháp", unit("HOAAN"));
        List<UnitHoldings.Holding> holdings = restructuring.holdingsOf(stp);
        UnitHoldings.Holding form = holdings.stream().filter(h -> h.label().startsWith("BM-01")).findFirst()
                .orElseThrow();
        UnitHoldings.Holding officer = holdings.stream()
                .filter(h -> h.kind().equals("MEMBERSHIP") && h.label().startsWith("Lê Thị Mai")).findFirst()
                .orElseThrow();
        int recordsBefore = dsl.fetchCount(dsl.selectFrom("record_entry").where("template_id = " + form.id()));

        refused(() -> restructuring.split(stp, Map.of(form, target), true), "error.split.leftovers");
        restructuring.split(stp, Map.of(form, target, officer, target), false);

        assertThat(dsl.fetchValue("select unit_id from document where id = " + form.id())).isEqualTo(target.value());
        assertThat(dsl.fetchCount(dsl.selectFrom("record_entry")
                .where("template_id = " + form.id() + " and unit_id = " + target.value()))).isEqualTo(recordsBefore)
                .isPositive();
        assertThat(restructuring.holdingsOf(stp)).hasSize(holdings.size() - 2);
        assertThat(units.get(stp).isActive()).isTrue();
        assertThat(restructuring.lineageOf(target)).singleElement()
                .satisfies(l -> assertThat(l.kind()).isEqualTo(UnitRestructured.Kind.SPLIT));
    }
}
