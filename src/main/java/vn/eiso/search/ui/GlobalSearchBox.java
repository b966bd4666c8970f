package vn.eiso.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.Optional;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchService;

/**
 * The search box in the top bar of every page: titles and codes are suggested as the user types (only what
 * the user may read); Enter searches everything, choosing a suggestion opens it.
 */
@org.springframework.stereotype.Component
class GlobalSearchBox implements ShellContribution {

    private final SearchService search;

    GlobalSearchBox(SearchService search) {
        this.search = search;
    }

    @Override
    public Optional<Component> navbar() {
        ComboBox<SearchHit> box = new ComboBox<>();
        box.setId("global-search");
        box.addClassName("global-search");
        box.setPlaceholder(box.getTranslation("search.placeholder"));
        box.setAriaLabel(box.getTranslation("search.title"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setAllowCustomValue(true);
        box.setItemLabelGenerator(h -> (h.code() == null ? "" : h.code() + " · ") + h.title());
        box.setItems(q -> q.getOffset() > 0 ? java.util.stream.Stream.empty()
                : search.suggest(q.getFilter().orElse("")).stream().limit(q.getLimit()));
        box.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                box.getUI().ifPresent(ui -> ui.navigate(e.getValue().route()));
                box.clear();
            }
        });
        box.addCustomValueSetListener(e -> {
            box.clear();
            box.getUI().ifPresent(ui -> ui.navigate("search", QueryParameters.simple(Map.of("q", e.getDetail()))));
        });
        return Optional.of(box);
    }
}
