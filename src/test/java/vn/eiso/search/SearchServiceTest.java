package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.document.DocumentRegister;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;

/** Search over the demo province through the services: what each role finds, and the index following commits. */
@SpringBootTest
class SearchServiceTest {

    @Autowired
    SearchService search;
    @Autowired
    SearchIndex index;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JooqSearchJournal journal;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    java.time.Clock clock;

    private UnitId stp;
    /** A made-up word only this test's documents contain. */
    private String word;

    @BeforeEach
    void setUp() {
        stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        word = "tuvung" + UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private EisoPrincipal as(String username) {
        return Accounts.signIn(userDetails, username);
    }

    private List<String> titles(String username, SearchQuery query) {
        as(username);
        search.catchUp();
        return search.search(query).hits().stream().map(SearchHit::title).toList();
    }

    /** A document with an effective first revision and a second revision still in draft. */
    private Document effectiveWithDraft(String title) {
        EisoPrincipal officer = as("thuky.stp");
        Document document = register.create(stp, DocumentData.of("QT-S" + word.substring(6), title,
                DocumentType.PROCEDURE, officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "Ban hành");
        draft = workflow.editDraft(draft.id(), draft.version(), "Nội dung có hiệu lực " + word, "Ban hành");
        draft = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(draft.id(), Accounts.DEMO_PASSWORD, "ok");
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());
        as("thuky.stp");
        Revision next = workflow.startRevision(document.id(), "Sửa đổi");
        workflow.editDraft(next.id(), next.version(), "Bản dự thảo mới " + word + " dựthảo", "Sửa đổi");
        return document;
    }

    @Test
    void the_demo_procedures_are_found_with_or_without_diacritics_and_by_code() {
        assertThat(titles("congchuc.stp", SearchQuery.of("kiểm soát tài liệu")))
                .contains("Quy trình kiểm soát tài liệu");
        assertThat(titles("congchuc.stp", SearchQuery.of("kiem soat tai lieu")).getFirst())
                .isEqualTo("Quy trình kiểm soát tài liệu");
        assertThat(titles("congchuc.stp", SearchQuery.of("QT-06")).getFirst())
                .isEqualTo("Quy trình cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
        assertThat(titles("congchuc.stp", SearchQuery.of("19/2014/QĐ-TTg")).getFirst())
                .startsWith("Quyết định về việc áp dụng Hệ thống quản lý chất lượng");
    }

    @Test
    void a_change_is_searchable_once_committed_and_each_role_sees_what_it_may_read() {
        effectiveWithDraft("Quy trình thử tìm kiếm " + word);

        // Staff of the unit and the science department find the effective revision only.
        as("congchuc.stp");
        search.catchUp();
        SearchResult staff = search.search(SearchQuery.of(word));
        assertThat(staff.hits()).extracting(SearchHit::status).containsExactly("EFFECTIVE");
        assertThat(staff.hits().getFirst().route()).startsWith("revision/");
        assertThat(titles("sokhcn", SearchQuery.of(word))).hasSize(1);
        assertThat(titles("sokhcn", SearchQuery.of("dựthảo " + word))).isEmpty();
        // Editors of the unit also find the draft, by a word only the draft contains.
        assertThat(titles("thuky.stp", SearchQuery.of(word))).hasSize(2);
        assertThat(titles("lanhdao.stp", SearchQuery.of("dựthảo " + word))).hasSize(1);
        // Another unit's people find nothing of it, not even through suggestions or facets.
        assertThat(titles("thuky.xa", SearchQuery.of(word))).isEmpty();
        assertThat(search.suggest("Quy trình thử tìm")).isEmpty();
        assertThat(search.search(SearchQuery.of(word)).facets().get(SearchResult.UNIT)).isEmpty();
        assertThat(titles("danhgia", SearchQuery.of(word))).isEmpty();
    }

    @Test
    void superseded_revisions_come_back_on_request_and_a_documents_history_is_searchable() {
        Document document = effectiveWithDraft("Quy trình lịch sử " + word);
        as("thuky.stp");
        Revision draft = workflow.history(document.id()).stream().filter(r -> r.number() == 2).findFirst()
                .orElseThrow();
        draft = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(draft.id(), Accounts.DEMO_PASSWORD, "ok");
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());

        assertThat(titles("congchuc.stp", SearchQuery.of(word))).hasSize(1);
        as("congchuc.stp");
        SearchResult all = search.search(SearchQuery.of(word).withOutdated(true));
        assertThat(all.hits()).extracting(SearchHit::status).containsExactlyInAnyOrder("EFFECTIVE", "SUPERSEDED");
        SearchResult history = search.search(SearchQuery.of("").inHistory("document:" + document.id().value()));
        assertThat(history.hits()).extracting(SearchHit::revision).containsExactly(2, 1);
    }

    @Test
    void text_extracted_from_an_attached_file_is_searchable() {
        EisoPrincipal officer = as("thuky.stp");
        Document document = register.create(stp, DocumentData.of("BM-S" + word.substring(6), "Biểu mẫu " + word,
                DocumentType.FORM, officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "Ban hành");
        workflow.attach(draft.id(), "mau.docx", Files.docx("Tờ khai đăng ký khai sinh có yếu tố nước ngoài"));

        assertThat(titles("thuky.stp", SearchQuery.of("khai sinh yeu to nuoc ngoai"))).contains("Biểu mẫu " + word);
    }

    @Test
    void journal_rows_left_by_a_crash_are_applied_when_the_indexer_catches_up() {
        Document document = effectiveWithDraft("Quy trình sau sự cố " + word);
        as("thuky.stp");
        search.catchUp();
        // As if the process died after the commit and before indexing: the entries are missing, the row is not.
        index.replace("document:" + document.id().value(), List.of());
        index.commit(journal.databaseId(), index.position());
        index.refresh();
        assertThat(search.search(SearchQuery.of(word)).hits()).isEmpty();
        SystemAuthentication.runAsSystem(() -> {
            journal.add("DOCUMENT", document.id().value(), java.time.OffsetDateTime.now(clock));
            return null;
        });

        assertThat(titles("thuky.stp", SearchQuery.of(word))).hasSize(2);
        assertThat(indexer.pending()).isZero();
        assertThat(indexer.lagSeconds()).isZero();
    }

    @Test
    void an_index_built_from_another_database_is_rebuilt_before_changes_are_applied_to_it() {
        Document document = effectiveWithDraft("Quy trình chỉ mục lạ " + word);
        as("thuky.stp");
        search.catchUp();
        // A restored backup: the index on disk says it belongs to another database and lacks this document.
        index.replace("document:" + document.id().value(), List.of());
        index.commit("another-database", index.position());

        search.catchUp();

        assertThat(index.databaseId()).contains(journal.databaseId());
        assertThat(titles("thuky.stp", SearchQuery.of(word))).hasSize(2);
    }

    @Test
    void only_administrators_rebuild_and_a_rebuild_recreates_the_same_answers() throws InterruptedException {
        effectiveWithDraft("Quy trình dựng lại " + word);
        assertThatThrownBy(() -> {
            as("thuky.stp");
            search.rebuild();
        }).isInstanceOf(AccessDeniedException.class);

        as("admin");
        int before = titles("admin", SearchQuery.of(word)).size();
        indexer.rebuildAndWait();
        SearchService.RebuildStatus status = search.status();
        assertThat(status.running()).isFalse();
        assertThat(status.failure()).isNull();
        assertThat(status.entries()).isPositive();
        assertThat(titles("admin", SearchQuery.of(word))).hasSize(before).isNotEmpty();
    }

    @Test
    void facets_count_types_units_statuses_and_years_of_the_hits() {
        as("sokhcn");
        search.catchUp();
        SearchResult result = search.search(SearchQuery.of("quy trình"));
        Map<String, List<SearchResult.FacetCount>> facets = result.facets();
        assertThat(facets.get(SearchResult.TYPE)).extracting(SearchResult.FacetCount::value).contains("PROCEDURE");
        assertThat(facets.get(SearchResult.UNIT)).extracting(SearchResult.FacetCount::label).contains("Sở Tư pháp");
        // Published documents only (and nonconformities, which have statuses of their own): no drafts, nothing
        // outdated.
        assertThat(facets.get(SearchResult.STATUS)).extracting(SearchResult.FacetCount::value).contains("EFFECTIVE")
                .doesNotContain("DRAFT", "IN_REVIEW", "APPROVED", "SUPERSEDED", "OBSOLETE");
        long sum = facets.get(SearchResult.TYPE).stream().mapToLong(SearchResult.FacetCount::count).sum();
        assertThat(sum).isEqualTo(result.total());
    }
}
