package vn.eiso.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchResult;
import vn.eiso.search.SearchService;
import vn.eiso.support.BreakableSearchSource;
import vn.eiso.support.UiTest;

class SearchViewsTest extends UiTest {

    @Autowired
    SearchService search;

    @BeforeEach
    void indexed() {
        search.catchUp();
    }

    private SearchView searchFor(String query) {
        return open("q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Opens the search page at an address's query string, as a bookmark or a link would. */
    private SearchView open(String queryString) {
        UI.getCurrent().navigate(SearchView.class, QueryParameters.fromString(queryString));
        return (SearchView) getCurrentView();
    }

    private List<String> titles(SearchView view) {
        return find(Anchor.class, view.results).all().stream()
                .filter(a -> a.hasClassName("search-hit-title")).map(Anchor::getText).toList();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_find_a_procedure_typed_without_diacritics_with_a_highlighted_snippet() {
        SearchView view = searchFor("kiem soat tai lieu");

        assertThat(titles(view).getFirst()).isEqualTo("QT-01 · Quy trình kiểm soát tài liệu");
        assertThat(find(Html.class, view.results).all()).anySatisfy(
                h -> assertThat(h.getInnerHtml()).contains("<mark>kiểm soát tài liệu</mark>"));
        assertThat(find(Anchor.class, view.results).first().getHref()).startsWith("revision/");
        assertThat(view.summary.getText()).endsWith("kết quả");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_facet_narrows_the_hits_and_is_kept_in_the_address() {
        SearchView view = searchFor("tài liệu");
        assertThat(titles(view)).anyMatch(t -> t.startsWith("BM-01")).anyMatch(t -> t.startsWith("QT-01"));

        test(view.facets.get(SearchResult.TYPE)).selectItem(
                view.facets.get(SearchResult.TYPE).getItemLabelGenerator().apply("FORM"));

        view = (SearchView) getCurrentView();
        assertThat(titles(view)).isNotEmpty().allMatch(t -> t.startsWith("BM-"));
        assertThat(view.facets.get(SearchResult.TYPE).getValue()).containsExactly("FORM");
        // Sideways: the procedures stay on offer with their count, to be added to the forms.
        assertThat(view.facets.get(SearchResult.TYPE).getListDataView().getItems().toList()).contains("PROCEDURE");
        assertThat(view.facets.get(SearchResult.TYPE).getItemLabelGenerator().apply("PROCEDURE")).matches(".*\\(\\d+\\)");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_query_typed_without_diacritics_offers_them_and_one_click_searches_with_them() {
        SearchView view = searchFor("quy trinh kiem soat");
        assertThat(view.didYouMean.getParent().orElseThrow().isVisible()).isTrue();
        assertThat(view.didYouMean.getText()).isEqualTo("quy trình kiểm soát");

        test(view.didYouMean).click();

        view = (SearchView) getCurrentView();
        assertThat(view.query.getValue()).isEqualTo("quy trình kiểm soát");
        assertThat(titles(view)).anyMatch(t -> t.startsWith("QT-01"));
        assertThat(view.didYouMean.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_do_not_find_a_draft_that_the_quality_officer_finds() {
        assertThat(titles(searchFor("quan ly rui ro va co hoi"))).noneMatch(t -> t.startsWith("QT-05"));
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_finds_the_draft_and_searches_a_documents_history() {
        assertThat(titles(searchFor("quan ly rui ro va co hoi"))).anyMatch(t -> t.startsWith("QT-05"));

        SearchView view = searchFor("kiểm soát tài liệu");
        Anchor history = find(Anchor.class, view.results).all().stream()
                .filter(a -> a.hasClassName("search-hit-history")).findFirst().orElseThrow();
        view = open(history.getHref().substring(history.getHref().indexOf('?') + 1));
        assertThat(titles(view)).hasSize(2).allMatch(t -> t.startsWith("QT-01"));
        assertThat(view.outdated.getValue()).isFalse();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void hostile_input_gets_a_message_and_no_error() {
        SearchView view = searchFor("?!*()\"[]{}:;");
        assertThat(find(Paragraph.class, view).all()).extracting(Paragraph::getText)
                .contains("Không có từ nào để tìm: hãy nhập chữ hoặc số.");

        view = searchFor("quy trình " + "x".repeat(10_000));
        assertThat(find(Paragraph.class, view).all()).extracting(Paragraph::getText)
                .contains("Câu tìm kiếm quá dài nên chỉ phần đầu được dùng.");

        assertThat(titles(open("q=quy&page=abc&year=x&unit=y"))).isNotEmpty();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void the_search_box_suggests_titles_and_codes_and_enter_opens_the_search_page() {
        navigate("", com.vaadin.flow.component.Component.class);
        @SuppressWarnings("unchecked")
        ComboBox<SearchHit> box = find(ComboBox.class).withId("global-search").single();
        test(box).setFilter("QT-0");
        assertThat(test(box).getSuggestions()).anyMatch(s -> s.startsWith("QT-06 · "))
                .noneMatch(s -> s.startsWith("QT-05"));
        test(box).setFilter("phiếu lý");
        assertThat(test(box).getSuggestions()).anyMatch(s -> s.contains("Phiếu lý lịch tư pháp"));

        ComponentUtil.fireEvent(box, new ComboBox.CustomValueSetEvent<>(box, true, "lý lịch tư pháp"));
        assertThat(getCurrentView()).isInstanceOf(SearchView.class);
        assertThat(((SearchView) getCurrentView()).query.getValue()).isEqualTo("lý lịch tư pháp");
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_rebuilds_the_index_after_confirming() {
        SearchIndexView view = navigate(SearchIndexView.class);
        assertThat(view.entries.getText()).matches("Số mục trong chỉ mục: [1-9].*");

        test(view.rebuild).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notifications()).contains("Đã bắt đầu xây dựng lại chỉ mục.");
        search.catchUp();
        view.refresh();
        assertThat(view.rebuild.isEnabled()).isTrue();
        assertThat(view.last.getText()).startsWith("Lần xây dựng lại gần nhất mất");
    }

    @Test
    @WithUserDetails("admin")
    void a_failed_rebuild_shows_its_reason_and_searches_keep_the_previous_index() {
        SearchIndexView view = navigate(SearchIndexView.class);
        String entries = view.entries.getText();
        long before = search.search(vn.eiso.search.SearchQuery.of("quy trình")).total();
        BreakableSearchSource.failNextRebuild("cannot extract the text of bieu-mau.docx");

        test(view.rebuild).click();
        test(find(ConfirmDialog.class).single()).confirm();
        search.catchUp();
        view.refresh();

        assertThat(view.last.getText()).isEqualTo("Lần xây dựng lại gần nhất thất bại: cannot extract the text of"
                + " bieu-mau.docx. Tìm kiếm vẫn dùng chỉ mục trước đó.");
        assertThat(view.last.getElement().getThemeList()).contains("error");
        assertThat(view.rebuild.isEnabled()).isTrue();
        assertThat(view.entries.getText()).isEqualTo(entries);
        assertThat(search.search(vn.eiso.search.SearchQuery.of("quy trình")).total()).isEqualTo(before).isPositive();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_cannot_open_the_index_screen() {
        navigate("admin/search-index", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(SearchIndexView.class);
        assertThat(find(Button.class).withId("search-rebuild").exists()).isFalse();
    }
}
