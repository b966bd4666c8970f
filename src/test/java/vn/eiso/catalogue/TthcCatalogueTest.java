package vn.eiso.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inbox.Inbox;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/**
 * The demo province's catalogue (imported from the portal export at start-up), a re-import shown as a diff and
 * applied as a new version, the file refusals, and the coverage of a unit's procedures by its documents.
 */
@Transactional
class TthcCatalogueTest extends ServiceTest {

    @Autowired
    TthcCatalogue catalogue;
    @Autowired
    AuditTrail trail;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;

    private static final String HEADER = "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,"
            + "Quyết định công bố";

    @Test
    void the_demo_catalogue_maps_the_justice_departments_procedures_and_shows_what_its_documents_leave_uncovered()
            throws IOException {
        as("thuky.stp");
        List<String> lines = demoLines();
        assertThat(catalogue.entries()).hasSize(lines.size() - 1);
        long justice = lines.stream().filter(l -> l.contains(",Cấp tỉnh,Sở Tư pháp,")).count();

        Coverage coverage = catalogue.coverage(stp);

        assertThat(coverage.procedures()).isEqualTo(justice);
        assertThat(coverage.covered()).as("QT-06 cites 1.001233").isEqualTo(1);
        assertThat(coverage.uncovered()).extracting(Tthc::code).contains("2.001417").doesNotContain("1.001233");
        assertThat(coverage.percent()).isEqualTo((int) Math.floor(100.0 / justice));

        as("thuky.xa");
        Coverage commune = catalogue.coverage(unit("X-TANPHU"));
        assertThat(commune.procedures())
                .isEqualTo(lines.stream().filter(l -> l.contains(",Cấp xã,UBND cấp xã,")).count());
        assertThat(commune.covered()).as("Tân Phú's three procedures").isEqualTo(3);
        assertThatThrownBy(() -> catalogue.coverage(stp)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_reimport_shows_what_it_adds_amends_and_abolishes_and_applies_only_when_confirmed_as_a_new_version()
            throws IOException {
        as("sokhcn");
        int version = catalogue.version();
        List<String> lines = new ArrayList<>(demoLines());
        lines.replaceAll(l -> l.startsWith("2.001417,") ? l.replace("cho cơ quan tiến hành tố tụng",
                "cho cơ quan tiến hành tố tụng (sửa đổi)") : l);
        lines.replaceAll(l -> l.startsWith("1.001193,") ? l.replace("Cấp xã,UBND cấp xã", "Cấp tỉnh,Sở Tư pháp") : l);
        String abolished = lines.stream().filter(l -> l.contains("Thôi quốc tịch")).findFirst().orElseThrow();
        lines.remove(abolished);
        lines.add("1.013999.000.00.00.H12,Cấp Phiếu lý lịch tư pháp trên VNeID,Lý lịch tư pháp,Cấp tỉnh,"
                + "Sở Tư pháp tỉnh Hòa An,Quyết định số 99/QĐ-UBND");
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        CataloguePreview preview = catalogue.preview("danh-muc-moi.csv", file);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.baseVersion()).isEqualTo(version);
        assertThat(preview.changes()).extracting(CatalogueChange::kind, CatalogueChange::code)
                .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.AMENDED, "2.001417"),
                org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.AMENDED, "1.001193"),
                org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.ABOLISHED, abolished.split(",")[0]),
                org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.ADDED, "1.013999"));
        CatalogueChange moved = preview.changes().stream().filter(c -> c.code().equals("1.001193")).findFirst()
                .orElseThrow();
        assertThat(moved.changed()).containsExactly(CatalogueChange.Field.LEVEL, CatalogueChange.Field.AGENCY);
        assertThat(moved.before().level()).isEqualTo(TthcLevel.COMMUNE);
        assertThat(catalogue.version()).as("nothing written by a preview").isEqualTo(version);

        catalogue.apply("danh-muc-moi.csv", file, version);

        assertThat(catalogue.version()).isEqualTo(version + 1);
        Tthc renamed = entry("2.001417");
        assertThat(renamed.name()).endsWith("(sửa đổi)");
        assertThat(catalogue.history(renamed.id())).extracting(TthcVersion::change, TthcVersion::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.ADDED, 1),
                        org.assertj.core.groups.Tuple.tuple(CatalogueChange.Kind.AMENDED, version + 1));
        assertThat(entry(abolished.split(",")[0]).abolished()).isTrue();
        assertThat(entry("1.013999").fullCode()).isEqualTo("1.013999.000.00.00.H12");
        assertThat(catalogue.coverage(stp).uncovered()).extracting(Tthc::code)
                .as("the new one is the justice department's, from its agency").contains("1.013999");
        as("admin");
        assertThat(trail.find(new AuditFilter(null, "TTHC_CATALOGUE_IMPORTED", null, null), 0, 5))
                .anySatisfy(e -> assertThat(e.details()).contains("danh-muc-moi.csv", "+1 ~2 -1"));
        as("sokhcn");

        assertThatThrownBy(() -> catalogue.apply("danh-muc-moi.csv", file, version))
                .as("compared with a version that is no longer current").isInstanceOf(ConcurrentEditException.class);
        refused(() -> catalogue.apply("danh-muc-moi.csv", file, version + 1), "error.catalogue.nothingChanged");
    }

    @Test
    void an_amended_procedure_flags_the_documents_citing_it_and_tells_the_units_handling_it() throws IOException {
        as("sokhcn");
        List<String> lines = new ArrayList<>(demoLines());
        lines.replaceAll(l -> l.startsWith("1.001233,") ? l.replace("Cấp Phiếu lý lịch tư pháp cho công dân",
                "Cấp Phiếu lý lịch tư pháp số 1 cho công dân") : l);
        catalogue.apply("sua-doi.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), catalogue.version());

        as("thuky.stp");
        Document qt06 = register.get(register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 200).stream()
                .filter(d -> d.code().equals("QT-06")).findFirst().orElseThrow().id());
        assertThat(qt06.reviewFlag()).contains("TTHC 1.001233", "AMENDED");
        assertThat(inbox.mine(true, 20)).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("notice.catalogueChanged");
            assertThat(n.link()).isEqualTo("tthc");
        });
        as("thuky.xa");
        assertThat(inbox.mine(true, 50)).as("no commune procedure changed")
                .noneMatch(n -> n.messageKey().equals("notice.catalogueChanged"));
    }

    @Test
    void a_file_with_bad_lines_gets_a_reason_per_line_and_nothing_is_applied() {
        as("sokhcn");
        int version = catalogue.version();
        byte[] file = String.join("\n", HEADER,
                "1.001233,Cấp Phiếu lý lịch tư pháp,Lý lịch tư pháp,Cấp tỉnh,Sở Tư pháp,",
                "1.001233,Cấp Phiếu lý lịch tư pháp lần hai,Lý lịch tư pháp,Cấp tỉnh,Sở Tư pháp,",
                "1.002000,Thủ tục lạ,Lĩnh vực,Cấp huyện,UBND huyện,",
                "ABC,Mã sai,Lĩnh vực,Cấp tỉnh,Sở Tư pháp,",
                "1.002001,,Lĩnh vực,Cấp tỉnh,Sở Tư pháp,").getBytes(StandardCharsets.UTF_8);

        CataloguePreview preview = catalogue.preview("loi.csv", file);

        assertThat(preview.errors())
                .extracting(CataloguePreview.LineError::line, CataloguePreview.LineError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "error.catalogue.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(4, "error.catalogue.level"),
                        org.assertj.core.groups.Tuple.tuple(5, "error.catalogue.code"),
                        org.assertj.core.groups.Tuple.tuple(6, "error.catalogue.nameRequired"));
        assertThat(preview.errors().getFirst().args()).containsExactly(2);
        assertThat(preview.canApply()).isFalse();
        refused(() -> catalogue.apply("loi.csv", file, version), "error.catalogue.invalidLines");
        refused(() -> catalogue.preview("thieu-cot.csv", "Mã thủ tục,Tên thủ tục\n1.001233,Tên"
                .getBytes(StandardCharsets.UTF_8)), "error.sheet.missingColumn");
        refused(() -> catalogue.preview("rong.csv", new byte[0]), "error.sheet.empty");
        assertThat(catalogue.version()).isEqualTo(version);
        assertThat(entry("1.001233").name()).startsWith("Cấp Phiếu lý lịch tư pháp cho công dân");
    }

    @Test
    void only_the_science_department_or_an_administrator_imports_or_corrects_the_mapping() throws IOException {
        as("thuky.stp");
        byte[] file = String.join("\n", demoLines()).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> catalogue.preview("x.csv", file)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.apply("x.csv", file, 1)).isInstanceOf(AccessDeniedException.class);
        long id = entry("2.001417").id();
        assertThatThrownBy(() -> catalogue.exclude(stp, id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_mapping_corrected_by_hand_survives_the_next_import_and_a_full_code_cited_by_a_document_covers_it()
            throws IOException {
        as("sokhcn");
        int before = catalogue.coverage(stp).procedures();
        catalogue.exclude(stp, entry("2.001417").id());
        catalogue.include(stp, entry("2.000815").id());
        List<String> lines = new ArrayList<>(demoLines());
        lines.add("1.013998,Thủ tục mới,Lĩnh vực,Cấp tỉnh,Sở Xây dựng,");
        catalogue.apply("lan-2.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), catalogue.version());
        Coverage coverage = catalogue.coverage(stp);
        assertThat(coverage.procedures()).isEqualTo(before);
        assertThat(coverage.uncovered()).extracting(Tthc::code).doesNotContain("2.001417").contains("2.000815");

        as("thuky.stp");
        var document = register.create(stp, DocumentData.of("QT-TT", "Quy trình chứng thực", DocumentType.PROCEDURE,
                as("thuky.stp").userId()));
        // Registered before the catalogue: the full code is the migrated form, 9.999999 a code it never had.
        jdbc.update("update document set tthc_codes = '2.000815.000.00.00.H12; 9.999999' where id = ?",
                document.id().value());
        Revision draft = workflow.startRevision(document.id(), "Ban hành lần đầu");
        workflow.editDraft(draft.id(), draft.version(), "Bước 1", "Ban hành lần đầu");
        workflow.submit(draft.id(), workflow.get(draft.id()).version());
        as("lanhdao.stp");
        workflow.review(draft.id(), Accounts.DEMO_PASSWORD, "Được");
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());
        as("thuky.stp");
        Coverage after = catalogue.coverage(stp);
        assertThat(after.uncovered()).extracting(Tthc::code).doesNotContain("2.000815");
        assertThat(after.covered()).isEqualTo(coverage.covered() + 1);
        assertThat(after.unknownCodes()).filteredOn(c -> c.code().equals("9.999999")).singleElement()
                .satisfies(c -> {
            assertThat(c.code()).isEqualTo("9.999999");
            assertThat(c.documents()).containsExactly(new CitingDocument(document.id().value(), "QT-TT"));
        });
    }

    @Test
    void a_register_entry_cites_catalogue_procedures_in_force_by_short_code_and_keeps_an_old_code_until_corrected()
            throws IOException {
        as("sokhcn");
        String abolished = "2.001417";
        List<String> lines = new ArrayList<>(demoLines());
        lines.removeIf(l -> l.startsWith(abolished + ","));
        catalogue.apply("lan-2.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), catalogue.version());
        as("thuky.stp");
        var document = register.create(stp, entry("QT-TTHC", "1.001233.000.00.00.H12, 2.000815; 1.001233"));
        assertThat(document.tthcCodes()).as("short codes, each once").isEqualTo("1.001233, 2.000815");

        assertThatThrownBy(() -> register.create(stp, entry("QT-X1", "1.001233, 9.999999")))
                .isInstanceOf(DomainException.class).hasMessage("error.document.tthcUnknown[9.999999]");
        assertThatThrownBy(() -> register.create(stp, entry("QT-X2", "thủ tục hộ tịch")))
                .isInstanceOf(DomainException.class).hasMessage("error.document.tthcInvalid[thủ]");
        assertThatThrownBy(() -> register.create(stp, entry("QT-X3", abolished)))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.document.tthcAbolished[2.001417, ");
        assertThat(register.list(new DocumentFilter(stp, "QT-X", null, null, null, false), DocumentSort.CODE, true, 0, 10))
                .as("nothing registered by a refused entry").isEmpty();

        // An entry registered before the catalogue keeps its old codes through an unrelated edit, and drops them
        // when the officer corrects the field; it cannot take them back.
        jdbc.update("update document set tthc_codes = ? where id = ?", "9.999999, " + abolished,
                document.id().value());
        Document old = register.get(document.id());
        DocumentData renamed = withTthc(old, "Quy trình đã đổi tên", old.tthcCodes());
        Document kept = register.update(old.id(), old.version(), renamed);
        assertThat(kept.tthcCodes()).isEqualTo("9.999999, " + abolished);
        Document corrected = register.update(kept.id(), kept.version(), withTthc(kept, kept.title(), "1.001233"));
        assertThat(corrected.tthcCodes()).isEqualTo("1.001233");
        assertThatThrownBy(() -> register.update(corrected.id(), corrected.version(),
                withTthc(corrected, corrected.title(), "1.001233, 9.999999")))
                .isInstanceOf(DomainException.class).hasMessage("error.document.tthcUnknown[9.999999]");
    }

    private DocumentData entry(String code, String tthc) {
        return new DocumentData(code, "Quy trình " + code, DocumentType.PROCEDURE, as("thuky.stp").userId(), tthc,
                "8.5", 12, null, null, null, null, null, Set.of());
    }

    private static DocumentData withTthc(Document d, String title, String tthc) {
        return new DocumentData(d.code(), title, d.type(), d.ownerId(), tthc, d.isoClauses(),
                d.reviewPeriodMonths(), d.retentionMonths(), null, null, null, null, Set.of());
    }

    private Tthc entry(String code) {
        return catalogue.entries().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> demoLines() throws IOException {
        try (InputStream in = TthcCatalogueTest.class.getResourceAsStream("/demo/tthc.csv")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank()).toList();
        }
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }
}
