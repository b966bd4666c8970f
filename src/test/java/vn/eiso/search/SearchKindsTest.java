package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Decision;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditPlan;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ItemResult;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inspection.Inspection;
import vn.eiso.inspection.Inspections;
import vn.eiso.library.Model;
import vn.eiso.library.ModelLibrary;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitData;
import vn.eiso.planning.Objective;
import vn.eiso.planning.ObjectiveData;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risk;
import vn.eiso.planning.RiskData;
import vn.eiso.planning.Risks;
import vn.eiso.support.Accounts;
import vn.eiso.support.DemoSteps;
import vn.eiso.support.ServiceTest;

/**
 * Every kind a user looks for beside documents, records and nonconformities: each is found by its text, by whoever
 * its feature lets read it and by nobody else, not even as a facet count; the public register's anonymous search
 * finds published decisions and nothing else; a renamed unit shows its new name at once. Each test runs in a
 * transaction that is rolled back (so the demo province stays as other tests expect it) and indexes what it
 * changed inside that transaction, as the indexer does after a commit.
 */
@Transactional
class SearchKindsTest extends ServiceTest {

    @Autowired
    SearchService search;
    @Autowired
    ApplicationContext context;
    @Autowired
    Audits audits;
    @Autowired
    AuditWork work;
    @Autowired
    ManagementReviews reviews;
    @Autowired
    Objectives objectives;
    @Autowired
    Risks risks;
    @Autowired
    Inspections inspections;
    @Autowired
    ModelLibrary library;
    @Autowired
    Announcements announcements;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    DSLContext dsl;

    private IndexedInTransaction indexed;
    /** Made-up words only this test's items contain. */
    private String word;
    private String other;

    @BeforeEach
    void setUp() {
        indexed = new IndexedInTransaction(context);
        word = "tuvung" + UUID.randomUUID().toString().substring(0, 6);
        other = "khacbiet" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterTransaction
    void putTheIndexBack() {
        indexed.forget();
    }

    private SearchResult found(String username, String text) {
        as(username);
        indexed.apply();
        return search.search(SearchQuery.of(text));
    }

    private static List<String> facet(SearchResult result, String facet) {
        return result.facets().getOrDefault(facet, List.of()).stream().filter(f -> f.count() > 0)
                .map(SearchResult.FacetCount::value).toList();
    }

    /** Another unit's quality officer finds nothing of it, and no facet counts it. */
    private void hiddenFromAnotherUnit(String text) {
        SearchResult result = found("thuky.xa", text);
        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
        assertThat(facet(result, SearchResult.TYPE)).isEmpty();
        assertThat(facet(result, SearchResult.UNIT)).doesNotContain(stp.toString()).isEmpty();
    }

    @Test
    void an_audit_its_report_and_its_findings_are_found_by_readers_of_its_unit_and_nobody_else() {
        UserId lead = as("danhgia").userId();
        as("thuky.stp");
        DocumentSummary procedure = audits.procedures(stp).stream().filter(p -> p.code().equals("QT-01"))
                .findFirst().orElseThrow();
        LocalDate start = today.getMonthValue() == 12 && today.getDayOfMonth() > 28 ? today : today.plusDays(1);
        Audit audit = audits.plan(stp, new AuditPlan("Đánh giá nội bộ " + word, "TCVN ISO 9001:2015", start, start,
                lead, Set.of(), Set.of(procedure.id()), Set.of("9.2")));
        as("danhgia");
        AuditItem item = work.checklist(audit.id()).getFirst();
        work.record(item.id(), item.version(), "Chưa lưu biên bản họp " + other, ItemResult.OBSERVATION);
        Audit current = audits.get(audit.id());
        work.saveReport(audit.id(), current.version(), "Tóm tắt báo cáo đánhgiá" + word, null);

        SearchResult staff = found("congchuc.stp", word);
        // The finding's title names its audit, so the audit's title finds both.
        assertThat(staff.hits()).extracting(SearchHit::type).containsExactlyInAnyOrder("AUDIT", "AUDIT_FINDING");
        assertThat(staff.hits()).extracting(SearchHit::route).containsOnly("audit/" + audit.id().value());
        assertThat(found("congchuc.stp", "đánhgiá" + word).hits()).extracting(SearchHit::title)
                .containsExactly("Đánh giá nội bộ " + word);
        SearchResult finding = found("congchuc.stp", other);
        assertThat(finding.hits()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("AUDIT_FINDING");
            assertThat(h.status()).isEqualTo("FINDING_OBSERVATION");
            assertThat(h.route()).isEqualTo("audit/" + audit.id().value());
        });
        assertThat(facet(found("sokhcn", word), SearchResult.TYPE)).containsExactlyInAnyOrder("AUDIT", "AUDIT_FINDING");

        hiddenFromAnotherUnit(word);
        hiddenFromAnotherUnit(other);
        assertThat(search.searchAnonymously(word, 10)).isEmpty();
    }

    @Test
    void a_management_review_is_found_by_its_minutes_while_still_being_prepared() {
        as("thuky.stp");
        ManagementReview review = reviews.prepare(stp, today, "Xem xét của lãnh đạo " + word);
        reviews.record(review.id(), review.version(), "Giám đốc, thư ký ISO", "Biên bản: " + other, Map.of());

        SearchResult staff = found("congchuc.stp", other);
        assertThat(staff.hits()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("MANAGEMENT_REVIEW");
            assertThat(h.status()).isEqualTo("REVIEW_OPEN");
            assertThat(h.route()).isEqualTo("management-review/" + review.id().value());
        });
        hiddenFromAnotherUnit(word);
        hiddenFromAnotherUnit(other);
    }

    @Test
    void objectives_risks_and_opportunities_open_their_own_row() {
        UserId officer = as("thuky.stp").userId();
        Objective objective = objectives.create(stp, new ObjectiveData("Mục tiêu " + word, "Tỷ lệ hồ sơ " + other,
                Objective.Direction.AT_LEAST, new BigDecimal("95"), "%", Objective.Frequency.MONTHLY, officer));
        Risk risk = risks.create(stp, new RiskData(Risk.Kind.RISK, "Rủi ro " + word, "QT-06", 2, 2, null, officer,
                today.plusMonths(6), Risk.Status.OPEN, null));
        Risk opportunity = risks.create(stp, new RiskData(Risk.Kind.OPPORTUNITY, "Cơ hội " + word, "QT-01", 2, 2,
                null, officer, today.plusMonths(6), Risk.Status.OPEN, null));

        SearchResult staff = found("congchuc.stp", word);
        assertThat(staff.hits()).extracting(SearchHit::type)
                .containsExactlyInAnyOrder("OBJECTIVE", "RISK", "OPPORTUNITY");
        assertThat(staff.hits()).extracting(SearchHit::route).containsExactlyInAnyOrder(
                "objectives/" + objective.id().value(), "risks/" + risk.id().value(),
                "risks/" + opportunity.id().value());
        assertThat(staff.hits()).extracting(SearchHit::unitName).containsOnly("Sở Tư pháp");
        assertThat(found("congchuc.stp", other).hits()).extracting(SearchHit::type).containsExactly("OBJECTIVE");
        hiddenFromAnotherUnit(word);
    }

    @Test
    void an_inspection_and_its_findings_are_found_by_the_inspected_unit_and_the_department() {
        as("sokhcn");
        Inspection planned = inspections.plan(stp, today.plusDays(3), "Kiểm tra việc áp dụng " + word, null);
        inspections.addFinding(planned.id(), "Hồ sơ lưu trữ chưa đủ " + other, "7.5");

        assertThat(found("congchuc.stp", word).hits()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("INSPECTION");
            assertThat(h.route()).isEqualTo("inspection/" + planned.id());
        });
        assertThat(found("sokhcn", other).hits()).extracting(SearchHit::type)
                .contains("INSPECTION_FINDING");
        hiddenFromAnotherUnit(word);
        assertThat(facet(found("thuky.xa", other), SearchResult.TYPE)).doesNotContain("INSPECTION_FINDING");
    }

    @Test
    void the_model_library_is_found_by_everyone_signed_in_and_by_no_anonymous_visitor() {
        as("sokhcn");
        Model model = library.publish("MS-" + word.substring(6), "Quy trình mẫu " + word, DocumentType.PROCEDURE,
                "8.2", "Nội dung mẫu " + other);

        SearchResult elsewhere = found("thuky.xa", other);
        assertThat(elsewhere.hits()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("MODEL");
            assertThat(h.code()).isEqualTo(model.code());
            assertThat(h.route()).isEqualTo("model-library/" + model.id());
        });
        assertThat(search.searchAnonymously(other, 10)).isEmpty();
    }

    @Test
    void the_anonymous_search_finds_a_published_decision_and_nothing_unpublished() {
        DemoSteps.forgetOtherTestsMajorNonconformities(dsl, stp);
        DemoSteps.approveRiskProcedure(register, workflow, stp, this::as);
        as("lanhdao.stp");
        Announcement announced = announcements.announce(stp, new Decision("15/QĐ-STP", today, "Trần Văn Hùng",
                "Giám đốc"));
        indexed.apply();
        Accounts.signOut();

        List<SearchHit> found = search.searchAnonymously("ly lich tu phap", 20);
        assertThat(found).singleElement().satisfies(h -> {
            assertThat(h.key()).isEqualTo("announcement:" + announced.id());
            assertThat(h.type()).isEqualTo("ANNOUNCEMENT");
        });
        assertThat(search.searchAnonymously("15/QĐ-STP", 20)).extracting(SearchHit::key)
                .containsExactly("announcement:" + announced.id());
        // Signed in, the same words also find the unit's procedure QT-06; anonymously, only the decision.
        assertThat(found("congchuc.stp", "ly lich tu phap").hits()).extracting(SearchHit::type)
                .contains("ANNOUNCEMENT", "PROCEDURE");
        Accounts.signOut();
        assertThat(search.searchAnonymously("QT-06", 20)).isEmpty();
        assertThat(search.searchAnonymously("kiem soat tai lieu", 20)).isEmpty();
        assertThat(announcements.searchPublicRegister("ly lich tu phap")).singleElement()
                .satisfies(a -> assertThat(a.number()).isEqualTo("15/QĐ-STP"));
        // Everyone signed in finds the decision too: it is public.
        assertThat(found("thuky.xa", "15/QĐ-STP").hits()).extracting(SearchHit::route)
                .containsExactly("cong-bo/" + announced.id());
    }

    @Test
    void a_renamed_units_label_shows_at_once_in_hits_and_facets() {
        as("admin");
        Unit unit = units.get(stp);
        units.update(stp, unit.version(), new UnitData(unit.code(), "Sở Tư pháp " + word, unit.type(),
                unit.parentId()));

        SearchResult result = found("thuky.stp", "QT-06");
        assertThat(result.hits()).isNotEmpty().extracting(SearchHit::unitName).containsOnly("Sở Tư pháp " + word);
        assertThat(result.facets().get(SearchResult.UNIT)).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(stp.toString());
            assertThat(f.label()).isEqualTo("Sở Tư pháp " + word);
        });
        assertThat(search.suggest("QT-06")).extracting(SearchHit::unitName).containsOnly("Sở Tư pháp " + word);
    }
}
