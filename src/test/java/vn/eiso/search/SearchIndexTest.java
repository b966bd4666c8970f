package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.eiso.base.Role;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.Grant;

/** The index on its own: Vietnamese analysis, ranking, codes, hostile queries and the permission filter. */
class SearchIndexTest {

    private static final UnitId STP = new UnitId(1);
    private static final UnitId SYT = new UnitId(2);
    private static final Caller ADMIN = new Caller(new UserId(1), "admin",
            List.of(new Grant(STP, "STP", "Sở Tư pháp", Role.ADMINISTRATOR)));

    @TempDir
    Path folder;
    SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(folder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static SearchEntry entry(String key, UnitId unit, Visibility visibility, String status, String code,
            String title, String body) {
        return new SearchEntry(key, key, key, unit, unit.equals(STP) ? "Sở Tư pháp" : "Sở Y tế", visibility,
                "PROCEDURE", status, code, title, null, body, LocalDate.of(2025, 3, 1), 1, "revision/1");
    }

    private void add(SearchEntry... entries) {
        for (SearchEntry e : entries) {
            index.replace(e.owner(), List.of(e));
        }
        index.commit("test", index.position());
        index.refresh();
    }

    private List<String> keys(String text, Caller caller) {
        return index.search(SearchQuery.of(text), caller).hits().stream().map(SearchHit::key).toList();
    }

    private List<String> keys(String text) {
        return keys(text, ADMIN);
    }

    @Test
    void nfd_text_and_upper_case_match_an_nfc_query_typed_with_or_without_diacritics() {
        String nfd = Normalizer.normalize("QUY TRÌNH cấp giấy phép xây dựng", Normalizer.Form.NFD);
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Thủ tục", nfd));

        assertThat(keys("quy trình")).containsExactly("a");
        assertThat(keys("quy trinh")).containsExactly("a");
        assertThat(keys("GIẤY PHÉP")).containsExactly("a");
        assertThat(keys(Normalizer.normalize("xây dựng", Normalizer.Form.NFD))).containsExactly("a");
    }

    @Test
    void d_stroke_folds_to_d_and_typed_diacritics_rank_their_exact_match_first() {
        add(entry("duong", STP, Visibility.READERS, "EFFECTIVE", "A", "Tiêu đề", "giá trị dương của chỉ số"),
                entry("đuong", STP, Visibility.READERS, "EFFECTIVE", "B", "Tiêu đề", "làm đường giao thông nông thôn"));

        assertThat(keys("đường")).containsExactly("đuong", "duong");
        assertThat(keys("dương")).containsExactly("duong", "đuong");
        assertThat(keys("duong")).containsExactlyInAnyOrder("duong", "đuong");
        assertThat(keys("DUONG GIAO THONG")).containsExactly("đuong");
    }

    @Test
    void a_short_and_a_long_text_are_found_alike_by_a_phrase_by_its_written_syllables_and_are_highlighted() {
        // Up to 200,000 characters one analysis feeds the text's fields; a longer text is analysed per field.
        String filler = "Nội dung của văn bản kiểm thử. ".repeat(8_000);
        add(entry("short", STP, Visibility.READERS, "EFFECTIVE", "S", "Ngắn", "Mở đầu. Thủ tục cấp phép lưu hành."),
                entry("long", STP, Visibility.READERS, "EFFECTIVE", "L", "Dài", filler
                        + "Thủ tục cấp phép lưu hành."));
        assertThat(filler.length()).isGreaterThan(200_000);

        assertThat(keys("\"cap phep luu hanh\"")).containsExactlyInAnyOrder("short", "long");
        assertThat(keys("lưu hành thủ tục")).containsExactlyInAnyOrder("short", "long");
        assertThat(index.search(SearchQuery.of("\"cấp phép lưu hành\""), ADMIN).hits())
                .allSatisfy(hit -> assertThat(hit.snippet()).contains("<mark>cấp phép lưu hành</mark>"));
    }

    @Test
    void syllables_side_by_side_rank_above_the_same_syllables_scattered() {
        add(entry("scattered", STP, Visibility.READERS, "EFFECTIVE", "A", "Văn bản",
                "giấy tờ cần có. Phép tính đúng. Xây nhà. Dựng lại hồ sơ giấy phép xây"),
                entry("phrase", STP, Visibility.READERS, "EFFECTIVE", "B", "Văn bản",
                        "Hồ sơ đề nghị cấp giấy phép xây dựng gồm đơn và bản vẽ"));

        assertThat(keys("giấy phép xây dựng").getFirst()).isEqualTo("phrase");
        assertThat(keys("giay phep xay dung").getFirst()).isEqualTo("phrase");
        assertThat(keys("\"giấy phép xây dựng\"")).containsExactly("phrase");
    }

    @Test
    void codes_are_found_as_typed() {
        add(entry("qt01", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Kiểm soát tài liệu", "nội dung"),
                entry("qt02", STP, Visibility.READERS, "EFFECTIVE", "QT-02", "Kiểm soát hồ sơ", "xem QT-01"),
                entry("bm03", STP, Visibility.READERS, "EFFECTIVE", "BM-03", "Phiếu", "nội dung"),
                entry("qd", STP, Visibility.READERS, "EFFECTIVE", "X", "Áp dụng",
                        "theo Quyết định số 19/2014/QĐ-TTg của Thủ tướng"));

        assertThat(keys("QT-01").getFirst()).isEqualTo("qt01");
        assertThat(keys("qt-01")).contains("qt01", "qt02").doesNotContain("bm03");
        assertThat(keys("BM-03")).containsExactly("bm03");
        assertThat(keys("19/2014/QĐ-TTg")).containsExactly("qd");
        assertThat(keys("19/2014/qd-ttg")).containsExactly("qd");
    }

    @ParameterizedTest
    @CsvSource({"hoà bình, hòa bình", "thuỷ lợi, thủy lợi", "sức khoẻ, sức khỏe", "qui trình, quy trình",
            "kĩ thuật, kỹ thuật", "lí do, lý do", "Uỷ ban, ủy ban", "hoá đơn, hóa đơn"})
    void old_and_new_spellings_match_each_other_both_ways_with_their_diacritics(String one, String other) {
        add(entry("one", STP, Visibility.READERS, "EFFECTIVE", "A", "Văn bản", "về " + one + " của tỉnh"),
                entry("folded", STP, Visibility.READERS, "EFFECTIVE", "B", "Văn bản",
                        "về " + TextFolding.fold(other) + " của tỉnh"),
                entry("other", STP, Visibility.READERS, "EFFECTIVE", "C", "Văn bản", "về " + other + " của tỉnh"));

        // Both spellings hold the typed diacritics: they rank above the text written without any, either way.
        assertThat(keys(one)).hasSize(3).endsWith("folded");
        assertThat(keys(other)).hasSize(3).endsWith("folded");
        assertThat(keys("\"" + other + "\"")).hasSize(3).endsWith("folded");
        assertThat(keys(TextFolding.fold(one))).hasSize(3);
    }

    @Test
    void the_spelling_variants_keep_apart_what_differs() {
        add(entry("hoa-giai", STP, Visibility.READERS, "EFFECTIVE", "A", "Văn bản", "hòa giải ở cơ sở"),
                entry("hoa-van", STP, Visibility.READERS, "EFFECTIVE", "B", "Văn bản", "hoa văn trang trí"),
                entry("thuy", STP, Visibility.READERS, "EFFECTIVE", "C", "Văn bản", "thùy não"),
                entry("thuy-loi", STP, Visibility.READERS, "EFFECTIVE", "D", "Văn bản", "thủy lợi"));

        assertThat(keys("hoà").getFirst()).isEqualTo("hoa-giai");
        assertThat(keys("hoa")).containsExactlyInAnyOrder("hoa-giai", "hoa-van");
        assertThat(keys("thuỷ")).containsExactly("thuy-loi", "thuy");
        assertThat(keys("thùy")).containsExactly("thuy", "thuy-loi");
        assertThat(VietnameseSpelling.canonical("thùy")).isNotEqualTo(VietnameseSpelling.canonical("thủy"));
        assertThat(VietnameseSpelling.canonical("quyết")).isEqualTo("quyết");
        assertThat(VietnameseSpelling.canonical("giữ")).isEqualTo("giữ");
        assertThat(VietnameseSpelling.canonical("gìn")).isEqualTo("gìn");
        assertThat(VietnameseSpelling.canonical("ngoài")).isEqualTo("ngoài");
        assertThat(VietnameseSpelling.canonical("hoàng")).isEqualTo("hoàng");
        assertThat(VietnameseSpelling.canonical("người")).isEqualTo("người");
        assertThat(VietnameseSpelling.canonical("iso9001")).isEqualTo("iso9001");
    }

    @Test
    void document_numbers_are_found_as_written_folded_in_lower_case_and_kind_first() {
        add(entry("nd49", STP, Visibility.READERS, "EFFECTIVE", "49/2026/NĐ-CP", "Nghị định", "quy định chung"),
                entry("nd48", STP, Visibility.READERS, "EFFECTIVE", "48/2026/NĐ-CP", "Nghị định", "quy định chung"),
                entry("tt49", STP, Visibility.READERS, "EFFECTIVE", "49/2026/TT-BTC", "Thông tư",
                        "thay thế Nghị định 49/2026/NĐ-CP và 49/2026/TT-BTC"),
                entry("mention", STP, Visibility.READERS, "EFFECTIVE", "QT-09", "Quy trình",
                        "căn cứ NĐ 49/2026 và nghị định 49/2026/NĐ-CP của Chính phủ"));

        for (String typed : List.of("49/2026/NĐ-CP", "49/2026/ND-CP", "49/2026/nđ-cp", "NĐ 49/2026", "nd 49/2026")) {
            assertThat(keys(typed)).as(typed).first().isEqualTo("nd49");
        }
        assertThat(keys("TT 49/2026")).first().isEqualTo("tt49");
    }

    @Test
    void a_number_typed_without_its_year_lists_that_number_and_issuer_newest_first() {
        SearchEntry older = entry("2019", STP, Visibility.READERS, "EFFECTIVE", "49/2019/NĐ-CP", "Nghị định",
                "về nghị định 49 năm 2019");
        SearchEntry newer = entry("2026", STP, Visibility.READERS, "EFFECTIVE", "49/2026/NĐ-CP", "Nghị định",
                "quy định");
        add(dated(older, LocalDate.of(2019, 5, 1)), dated(newer, LocalDate.of(2026, 1, 10)),
                dated(entry("other", STP, Visibility.READERS, "EFFECTIVE", "49/2026/TT-BTC", "Thông tư",
                        "theo 49/NĐ-CP"), LocalDate.of(2026, 6, 1)),
                dated(entry("text", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình",
                        "nghị định 49/NĐ-CP nghị định 49/NĐ-CP"), LocalDate.of(2027, 1, 1)));

        assertThat(keys("49/NĐ-CP")).startsWith("2026", "2019");
        assertThat(keys("49/nd-cp")).startsWith("2026", "2019");
    }

    private static SearchEntry dated(SearchEntry e, LocalDate date) {
        return changed(e, e.type(), date);
    }

    private static SearchEntry changed(SearchEntry e, String type, LocalDate date) {
        return new SearchEntry(e.key(), e.owner(), e.history(), e.unit(), e.unitName(), e.visibility(), type,
                e.status(), e.code(), e.title(), e.meta(), e.body(), date, e.revision(), e.route());
    }

    @Test
    void an_index_of_an_older_format_holds_no_database_so_it_is_rebuilt() throws Exception {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"));
        index.commit("db-1", index.position());
        index.close();
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter old = new IndexWriter(directory, new IndexWriterConfig())) {
            old.setLiveCommitData(Map.of("database", "db-1").entrySet());
            old.commit();
        }
        index = SearchIndex.open(folder);
        assertThat(index.databaseId()).isEmpty();
        index.commit("db-1", index.position());
        assertThat(index.databaseId()).contains("db-1");
    }

    @Test
    void a_query_without_diacritics_is_offered_its_most_frequent_written_form() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình kiểm soát tài liệu",
                        "Quy trình kiểm soát tài liệu và hồ sơ cho ISO"),
                entry("b", STP, Visibility.READERS, "EFFECTIVE", "QT-02", "Quy trình kiểm soát hồ sơ",
                        "quy trình kiểm soát hồ sơ"),
                entry("c", STP, Visibility.READERS, "EFFECTIVE", "QT-03", "Tính toán", "trinh bày kiêm nhiệm sọat"),
                entry("secret", SYT, Visibility.EDITORS, "DRAFT", "QT-04", "Dự thảo", "bảo mật tuyệt đối"));

        assertThat(index.search(SearchQuery.of("quy trinh kiem soat"), ADMIN).didYouMean())
                .isEqualTo("quy trình kiểm soát");
        assertThat(index.search(SearchQuery.of("HO SO cho iso"), ADMIN).didYouMean()).isEqualTo("hồ sơ cho iso");
        assertThat(index.search(SearchQuery.of("quy trình kiem soat"), ADMIN).didYouMean()).isNull();
        assertThat(index.search(SearchQuery.of("QT-01"), ADMIN).didYouMean()).isNull();
        assertThat(index.search(SearchQuery.of("bao mat"), ADMIN).didYouMean()).isEqualTo("bảo mật");
        Caller staff = new Caller(new UserId(3), "nv", List.of(new Grant(STP, "STP", "Sở Tư pháp", Role.STAFF)));
        assertThat(index.search(SearchQuery.of("bao mat"), staff).didYouMean()).isNull();
    }

    @Test
    void english_text_is_searchable_too() {
        add(entry("en", STP, Visibility.READERS, "EFFECTIVE", "WI-1", "Calibration", "Calibrate the scales yearly"));
        assertThat(keys("CALIBRATE scales")).containsExactly("en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"quy trình", "quy (trình", "quy trình)", "*trình", "quy~ +trình^",
            "quy:trình [] {} \\ / ! - + && || ~ ^", "trình?"})
    void lucene_syntax_and_unbalanced_input_still_find_the_words(String typed) {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình", "quy trình kiểm soát"));
        SearchResult result = index.search(SearchQuery.of(typed), ADMIN);
        assertThat(result.hits()).extracting(SearchHit::key).containsExactly("a");
    }

    @Test
    void punctuation_only_or_empty_queries_get_a_notice_not_an_error() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình", "quy trình"));
        for (String typed : new String[] {"", "   ", "?!*()\"[]{}:;,.", "—…"}) {
            SearchResult result = index.search(SearchQuery.of(typed), ADMIN);
            assertThat(result.hits()).isEmpty();
            assertThat(result.notices()).containsExactly("search.notice.empty");
        }
    }

    @Test
    void a_ten_thousand_character_query_is_shortened_and_answered() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình", "quy trình kiểm soát"));
        SearchResult result = index.search(SearchQuery.of("quy trình " + "x".repeat(10_000)), ADMIN);
        assertThat(result.notices()).contains("search.notice.shortened");
        String many = "quy trình " + "kiểm ".repeat(3000);
        assertThat(index.search(SearchQuery.of(many), ADMIN).hits()).extracting(SearchHit::key).containsExactly("a");
    }

    @Test
    void hits_carry_a_highlighted_escaped_snippet() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "QT-01", "Quy trình",
                "Bước 1: <script>alert(1)</script> tiếp nhận hồ sơ. Bước 2: thẩm định hồ sơ."));
        SearchHit hit = index.search(SearchQuery.of("thẩm định"), ADMIN).hits().getFirst();
        assertThat(hit.snippet()).contains("<mark>thẩm định</mark>").doesNotContain("<script>");
    }

    @Test
    void the_permission_filter_follows_the_read_rule() {
        add(entry("stp-effective", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"),
                entry("stp-draft", STP, Visibility.EDITORS, "DRAFT", "B", "Quy trình", "quy trình"),
                entry("syt-effective", SYT, Visibility.READERS, "EFFECTIVE", "C", "Quy trình", "quy trình"),
                entry("syt-draft", SYT, Visibility.EDITORS, "IN_REVIEW", "D", "Quy trình", "quy trình"));
        Caller staff = new Caller(new UserId(5), "staff", List.of(new Grant(STP, "STP", "", Role.STAFF)));
        Caller officer = new Caller(new UserId(6), "officer", List.of(new Grant(STP, "STP", "", Role.QUALITY_OFFICER)));
        Caller dost = new Caller(new UserId(7), "dost", List.of(new Grant(new UnitId(9), "SKHCN", "", Role.OVERSIGHT)));
        Caller nobody = new Caller(new UserId(8), "nobody", List.of());

        assertThat(keys("quy trình", staff)).containsExactly("stp-effective");
        assertThat(keys("quy trình", officer)).containsExactlyInAnyOrder("stp-effective", "stp-draft");
        assertThat(keys("quy trình", dost)).containsExactlyInAnyOrder("stp-effective", "syt-effective");
        assertThat(keys("quy trình", nobody)).isEmpty();
        assertThat(keys("quy trình", ADMIN)).hasSize(4);
        // Facet counts never reveal what the caller cannot open.
        assertThat(index.search(SearchQuery.of("quy trình"), staff).facets().get(SearchResult.UNIT))
                .extracting(SearchResult.FacetCount::value, SearchResult.FacetCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 1L));
        assertThat(index.suggest("quy tr", staff, 8)).extracting(SearchHit::key).containsExactly("stp-effective");
    }

    @Test
    void outdated_revisions_only_on_request_and_facets_filter_the_hits() {
        add(entry("now", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"),
                entry("old", STP, Visibility.READERS, "SUPERSEDED", "A", "Quy trình", "quy trình"),
                entry("other", SYT, Visibility.READERS, "EFFECTIVE", "C", "Quy trình", "quy trình"));

        assertThat(keys("quy trình")).containsExactlyInAnyOrder("now", "other");
        SearchQuery all = SearchQuery.of("quy trình").withOutdated(true);
        assertThat(index.search(all, ADMIN).total()).isEqualTo(3);
        // Equal texts: the revision in force comes before the superseded one.
        List<String> ranked = index.search(all, ADMIN).hits().stream().map(SearchHit::key).toList();
        assertThat(ranked.indexOf("now")).isLessThan(ranked.indexOf("old"));
        assertThat(index.search(all.filtered(Set.of(STP), null, null, null), ADMIN).hits())
                .extracting(SearchHit::key).containsExactlyInAnyOrder("now", "old");
        assertThat(index.search(all.filtered(null, null, Set.of("SUPERSEDED"), Set.of(2025)), ADMIN).hits())
                .extracting(SearchHit::key).containsExactly("old");
        assertThat(index.search(all.filtered(null, null, null, Set.of(2024)), ADMIN).total()).isZero();
    }

    @Test
    void a_chosen_facet_value_keeps_the_counts_of_the_others_in_its_facet_and_filters_the_rest() {
        add(typed("p1", STP, "PROCEDURE", Visibility.READERS), typed("p2", STP, "PROCEDURE", Visibility.READERS),
                typed("f1", STP, "FORM", Visibility.READERS), typed("p3", SYT, "PROCEDURE", Visibility.READERS),
                typed("draft", SYT, "FORM", Visibility.EDITORS));
        SearchQuery procedures = SearchQuery.of("quy trình").filtered(null, Set.of("PROCEDURE"), null, null);

        SearchResult result = index.search(procedures, ADMIN);
        assertThat(result.total()).isEqualTo(3);
        assertThat(counts(result, SearchResult.TYPE)).containsOnly(Map.entry("PROCEDURE", 3L), Map.entry("FORM", 2L));
        assertThat(counts(result, SearchResult.UNIT)).containsOnly(Map.entry(STP.toString(), 2L),
                Map.entry(SYT.toString(), 1L));

        SearchResult inStp = index.search(procedures.filtered(Set.of(STP), Set.of("PROCEDURE"), null, null), ADMIN);
        assertThat(inStp.total()).isEqualTo(2);
        assertThat(counts(inStp, SearchResult.TYPE)).containsOnly(Map.entry("PROCEDURE", 2L), Map.entry("FORM", 1L));
        assertThat(counts(inStp, SearchResult.UNIT)).containsOnly(Map.entry(STP.toString(), 2L),
                Map.entry(SYT.toString(), 1L));

        // Counted sideways or not, nothing the caller may not read: for Sở Y tế's staff neither Sở Tư pháp's
        // entries nor their own unit's draft form.
        Caller staff = new Caller(new UserId(3), "nv", List.of(new Grant(SYT, "SYT", "Sở Y tế", Role.STAFF)));
        assertThat(counts(index.search(procedures, staff), SearchResult.TYPE)).containsOnly(
                Map.entry("PROCEDURE", 1L));
    }

    private static SearchEntry typed(String key, UnitId unit, String type, Visibility visibility) {
        SearchEntry e = entry(key, unit, visibility, "EFFECTIVE", key, "Quy trình", "quy trình");
        return changed(e, type, e.date());
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        Map<String, Long> out = new HashMap<>();
        result.facets().get(facet).forEach(f -> out.put(f.value(), f.count()));
        return out;
    }

    @Test
    void replacing_an_owner_drops_its_old_entries_and_a_committed_index_survives_reopening() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"));
        index.replace("a", List.of());
        index.commit("db-1", index.position());
        index.close();
        index = SearchIndex.open(folder);
        assertThat(index.size()).isZero();
        assertThat(index.databaseId()).contains("db-1");
    }

    @Test
    void a_command_beside_the_server_gets_a_passive_index_and_a_second_server_on_the_folder_is_refused() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"));
        try (SearchIndex command = new SearchConfig().searchIndex(folder, true)) {
            assertThat(command.isPassive()).isTrue();
            assertThat(command.size()).isZero();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SearchConfig().searchIndex(folder, false))
                .hasMessageContaining("in use by another process").hasMessageContaining("EISO_INDEX_DIR");
        assertThat(index.isPassive()).isFalse();
        assertThat(keys("quy trình")).containsExactly("a");
    }

    @Test
    void pages_follow_each_other_without_overlap_and_newest_first_sorts_by_date() {
        for (int i = 0; i < 25; i++) {
            SearchEntry e = entry("e" + i, STP, Visibility.READERS, "EFFECTIVE", "QT-" + i, "Quy trình " + i,
                    "quy trình số " + i);
            index.replace(e.owner(), List.of(new SearchEntry(e.key(), e.owner(), e.history(), e.unit(), e.unitName(),
                    e.visibility(), e.type(), e.status(), e.code(), e.title(), e.meta(), e.body(),
                    LocalDate.of(2020, 1, 1).plusDays(i), e.revision(), e.route())));
        }
        index.commit("test", index.position());
        index.refresh();
        SearchQuery query = SearchQuery.of("quy trình").sorted(SearchQuery.Sort.NEWEST);

        SearchResult first = index.search(query.page(0, 20), ADMIN);
        SearchResult second = index.search(query.page(20, 20), ADMIN);

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hits()).hasSize(20);
        assertThat(second.hits()).hasSize(5);
        assertThat(first.hits().getFirst().key()).isEqualTo("e24");
        assertThat(second.hits().getLast().key()).isEqualTo("e0");
        assertThat(first.hits()).extracting(SearchHit::key).doesNotContainAnyElementsOf(
                second.hits().stream().map(SearchHit::key).toList());
    }

    @Test
    void ranked_pages_follow_the_score_and_the_total_and_facets_count_every_hit_not_only_the_page() {
        // Same length, one more "thẩm định" each: e24 holds it most often and ranks first.
        for (int i = 0; i < 25; i++) {
            add(entry("e" + i, STP, Visibility.READERS, "EFFECTIVE", "QT-" + i, "Quy trình " + i,
                    "thẩm định ".repeat(i + 1) + "nội dung khác ".repeat(25 - i)));
        }
        SearchQuery query = SearchQuery.of("thẩm định");

        SearchResult first = index.search(query.page(0, 10), ADMIN);
        SearchResult second = index.search(query.page(10, 10), ADMIN);

        assertThat(first.total()).isEqualTo(25);
        assertThat(second.total()).isEqualTo(25);
        assertThat(counts(first, SearchResult.TYPE)).containsEntry("PROCEDURE", 25L);
        assertThat(first.hits()).extracting(SearchHit::key)
                .containsExactly("e24", "e23", "e22", "e21", "e20", "e19", "e18", "e17", "e16", "e15");
        assertThat(second.hits()).extracting(SearchHit::key)
                .containsExactly("e14", "e13", "e12", "e11", "e10", "e9", "e8", "e7", "e6", "e5");
    }

    @Test
    void a_failed_rebuild_leaves_the_last_committed_index_current() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"));
        index.commit("db-1", index.position());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.rebuild(sink -> {
            sink.accept(entry("b", STP, Visibility.READERS, "EFFECTIVE", "B", "Quy trình", "quy trình"));
            throw new IllegalStateException("database gone");
        }, "db-2", 0, 1, done -> { })).hasMessageContaining("database gone");

        assertThat(index.databaseId()).contains("db-1");
        assertThat(keys("quy trình")).containsExactly("a");
        index.close();
        index = SearchIndex.open(folder);
        assertThat(index.databaseId()).contains("db-1");
        assertThat(keys("quy trình")).containsExactly("a");
    }

    @Test
    void a_batch_failing_on_a_worker_fails_the_rebuild_with_its_reason_and_the_previous_index_stays() {
        add(entry("a", STP, Visibility.READERS, "EFFECTIVE", "A", "Quy trình", "quy trình"));
        index.commit("db-1", index.position());
        // An entry the index cannot take (no unit), deep enough in the feed to land in a worker's batch.
        SearchEntry broken = new SearchEntry("broken", "broken", "broken", null, "?", Visibility.READERS,
                "PROCEDURE", "EFFECTIVE", "X", "Quy trình", null, "quy trình", LocalDate.of(2025, 3, 1), 1, "r/1");
        List<Long> progress = new java.util.ArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.rebuild(sink -> {
            for (int i = 0; i < 2_000; i++) {
                sink.accept(i == 300 ? broken
                        : entry("n" + i, STP, Visibility.READERS, "EFFECTIVE", "N" + i, "Quy trình", "quy trình"));
            }
        }, "db-2", 0, 2, progress::add)).isInstanceOf(SearchIndex.RebuildFailure.class)
                .hasMessageContaining("cannot index broken").hasMessageContaining("NullPointerException");

        assertThat(index.databaseId()).contains("db-1");
        assertThat(index.size()).isEqualTo(1);
        assertThat(keys("quy trình")).containsExactly("a");
        index.commit("db-1", index.position());
        index.refresh();
        assertThat(keys("quy trình")).as("nothing of the failed rebuild is committed later").containsExactly("a");

        index.rebuild(sink -> sink.accept(entry("c", STP, Visibility.READERS, "EFFECTIVE", "C", "Quy trình",
                "quy trình")), "db-2", 7, 2, done -> { });
        assertThat(index.databaseId()).contains("db-2");
        assertThat(index.position()).as("the journal position the rebuild was taken at").isEqualTo(7);
        assertThat(keys("quy trình")).containsExactly("c");
    }
}
