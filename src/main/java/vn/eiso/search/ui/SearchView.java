package vn.eiso.search.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.TitledView;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchResult;
import vn.eiso.search.SearchService;

/**
 * Full-text search with facets. The whole state lives in the address (q, filters, sort, page), so a search
 * can be bookmarked, shared and gone back to.
 */
@Route("search")
@Menu(order = 1, icon = "vaadin:search", title = "nav.search")
@PermitAll
class SearchView extends VerticalLayout implements TitledView, BeforeEnterObserver {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> FACETS = List.of(SearchResult.TYPE, SearchResult.UNIT, SearchResult.STATUS,
            SearchResult.YEAR);

    final TextField query = new TextField();
    final Select<SearchQuery.Sort> sort = new Select<>();
    final Checkbox outdated = new Checkbox();
    final Map<String, CheckboxGroup<String>> facets = new LinkedHashMap<>();
    final Div results = new Div();
    final Span summary = new Span();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    /** "Did you mean" the query with diacritics: one click searches that instead. */
    final Button didYouMean = new Button();
    private final Paragraph suggestion = new Paragraph();
    private final Div notices = new Div();
    private final Div history = new Div();
    private final Span pageLabel = new Span();
    private final SearchService search;

    private Map<String, List<String>> state = Map.of();
    private boolean rendering;
    private int currentPage;

    SearchView(SearchService search) {
        this.search = search;
        addClassName("search-view");
        query.setId("search-query");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setMaxLength(10_000);
        query.setWidthFull();
        query.addKeyPressListener(Key.ENTER, e -> go(0));
        Button submit = new Button(getTranslation("search.submit"), e -> go(0));
        submit.setId("search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sort.setItems(SearchQuery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + s));
        sort.setValue(SearchQuery.Sort.RELEVANCE);
        sort.setAriaLabel(getTranslation("search.sort"));
        sort.addValueChangeListener(e -> go(0));
        outdated.setLabel(getTranslation("search.outdated"));
        outdated.addValueChangeListener(e -> go(0));
        HorizontalLayout bar = new HorizontalLayout(query, submit, sort);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.addClassName("search-bar");

        Div facetPanel = new Div();
        facetPanel.addClassName("search-facets");
        for (String facet : FACETS) {
            CheckboxGroup<String> group = new CheckboxGroup<>(getTranslation("search.facet." + facet));
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.addValueChangeListener(e -> go(0));
            facets.put(facet, group);
            facetPanel.add(group);
        }
        facetPanel.add(outdated);
        results.setId("search-results");
        results.addClassName("search-results");
        previous.setAriaLabel(getTranslation("search.previous"));
        next.setAriaLabel(getTranslation("search.next"));
        previous.addClickListener(e -> go(currentPage - 1));
        next.addClickListener(e -> go(currentPage + 1));
        HorizontalLayout pager = new HorizontalLayout(previous, pageLabel, next);
        pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        didYouMean.setId("search-did-you-mean");
        didYouMean.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        didYouMean.addClickListener(e -> {
            query.setValue(didYouMean.getText());
            go(0);
        });
        suggestion.add(new Span(getTranslation("search.didYouMean") + " "), didYouMean);
        suggestion.addClassName("search-notice");
        suggestion.setVisible(false);
        Div main = new Div(summary, suggestion, notices, history, results, pager);
        main.addClassName("search-main");
        Div body = new Div(facetPanel, main);
        body.addClassName("search-body");
        body.setWidthFull();
        add(bar, body);
    }

    @Override
    public String titleKey() {
        return "search.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = event.getLocation().getQueryParameters().getParameters();
        render();
    }

    /** The current inputs into the address; the navigation then runs the search. */
    private void go(int page) {
        if (rendering) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q", List.of(query.getValue()));
        facets.forEach((name, group) -> {
            if (!group.getValue().isEmpty()) {
                params.put(name, List.copyOf(group.getValue()));
            }
        });
        if (outdated.getValue()) {
            params.put("outdated", List.of("true"));
        }
        if (sort.getValue() == SearchQuery.Sort.NEWEST) {
            params.put("sort", List.of("newest"));
        }
        if (state.containsKey("history")) {
            params.put("history", state.get("history"));
        }
        if (page > 0) {
            params.put("page", List.of(Integer.toString(page + 1)));
        }
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, new QueryParameters(params)));
    }

    private void render() {
        rendering = true;
        try {
            String text = first("q");
            query.setValue(text);
            outdated.setValue("true".equals(first("outdated")));
            sort.setValue("newest".equals(first("sort")) ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE);
            int page = Math.max(0, parseInt(first("page"), 1) - 1);
            String historyKey = state.containsKey("history") ? first("history") : null;
            Set<UnitId> units = values(SearchResult.UNIT).stream().map(v -> parseLong(v)).filter(v -> v != null)
                    .map(UnitId::new).collect(Collectors.toSet());
            Set<Integer> years = values(SearchResult.YEAR).stream().map(v -> parseInt(v, -1)).filter(v -> v > 0)
                    .collect(Collectors.toSet());
            SearchQuery request = new SearchQuery(text, units, values(SearchResult.TYPE), values(SearchResult.STATUS),
                    years, outdated.getValue() || historyKey != null, historyKey, sort.getValue(), page * PAGE_SIZE,
                    PAGE_SIZE);
            results.removeAll();
            notices.removeAll();
            history.removeAll();
            if (text.isBlank() && historyKey == null) {
                summary.setText(getTranslation("search.start"));
                suggestion.setVisible(false);
                facets.values().forEach(g -> g.setItems(List.of()));
                previous.setVisible(false);
                next.setVisible(false);
                pageLabel.setVisible(false);
                return;
            }
            SearchResult result = search.search(request);
            show(result, request, page, historyKey);
        } finally {
            rendering = false;
        }
    }

    private void show(SearchResult result, SearchQuery request, int page, String historyKey) {
        summary.setText(getTranslation("search.total", result.total()));
        suggestion.setVisible(result.didYouMean() != null);
        didYouMean.setText(result.didYouMean() == null ? "" : result.didYouMean());
        result.notices().forEach(key -> {
            Paragraph notice = new Paragraph(getTranslation(key));
            notice.addClassName("search-notice");
            notices.add(notice);
        });
        if (historyKey != null) {
            Button leave = new Button(getTranslation("search.history.leave"), VaadinIcon.CLOSE_SMALL.create(), e -> {
                state = new LinkedHashMap<>(state);
                state.remove("history");
                go(0);
            });
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            history.add(new Span(getTranslation("search.history.active")), leave);
            history.addClassName("search-history");
        }
        for (String facet : FACETS) {
            CheckboxGroup<String> group = facets.get(facet);
            Map<String, String> labels = new LinkedHashMap<>();
            result.facets().getOrDefault(facet, List.of()).forEach(f -> labels.put(f.value(),
                    label(facet, f.label()) + " (" + f.count() + ")"));
            Set<String> selected = new LinkedHashSet<>(values(facet));
            selected.forEach(v -> labels.putIfAbsent(v, label(facet, v) + " (0)"));
            group.setItems(new ArrayList<>(labels.keySet()));
            group.setItemLabelGenerator(labels::get);
            group.setValue(selected);
            group.setVisible(!labels.isEmpty());
        }
        result.hits().forEach(hit -> results.add(card(hit, request.text())));
        if (result.hits().isEmpty() && result.notices().isEmpty()) {
            results.add(new Paragraph(getTranslation("search.none")));
        }
        int pages = (int) Math.max(1, (Math.min(result.total(), 10_000) + PAGE_SIZE - 1) / PAGE_SIZE);
        pageLabel.setText(getTranslation("search.page", page + 1, pages));
        previous.setVisible(pages > 1);
        next.setVisible(pages > 1);
        pageLabel.setVisible(pages > 1);
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
        currentPage = page;
    }

    private Div card(SearchHit hit, String text) {
        Anchor title = new Anchor(hit.route(), (hit.code() == null ? "" : hit.code() + " · ") + hit.title());
        title.addClassName("search-hit-title");
        Div meta = new Div();
        meta.addClassName("search-hit-meta");
        Span status = new Span(getTranslation("revStatus." + hit.status()));
        status.getElement().getThemeList().add("EFFECTIVE".equals(hit.status()) || "FILED".equals(hit.status())
                ? "badge success" : "SUPERSEDED".equals(hit.status()) || "OBSOLETE".equals(hit.status())
                        ? "badge error" : "badge");
        meta.add(status, new Span(getTranslation("docType." + hit.type())), new Span(hit.unitName()));
        if (hit.revision() != null) {
            meta.add(new Span(getTranslation("search.revision", hit.revision())));
        }
        if (hit.date() != null) {
            meta.add(new Span(DATE.format(hit.date())));
        }
        Div card = new Div(title, meta);
        card.addClassName("search-hit");
        if (!hit.snippet().isBlank()) {
            card.add(new Html("<div class=\"search-snippet\">" + hit.snippet() + "</div>"));
        }
        if (hit.history().startsWith("document:") && !state.containsKey("history")) {
            Anchor within = new Anchor("search?" + new QueryParameters(Map.of("q", List.of(text), "history",
                    List.of(hit.history()))).getQueryString(), getTranslation("search.history.open"));
            within.addClassName("search-hit-history");
            card.add(within);
        }
        return card;
    }

    private String label(String facet, String value) {
        return switch (facet) {
            case SearchResult.TYPE -> getTranslation("docType." + value);
            case SearchResult.STATUS -> getTranslation("revStatus." + value);
            default -> value;
        };
    }

    private String first(String name) {
        List<String> values = state.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    private Set<String> values(String name) {
        return Set.copyOf(state.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank())
                .toList());
    }

    private static int parseInt(String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
