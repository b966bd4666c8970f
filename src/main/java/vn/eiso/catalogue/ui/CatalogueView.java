package vn.eiso.catalogue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.catalogue.Coverage;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;

/**
 * The province's TTHC catalogue: every procedure with its field, level and agency; for the unit one works in, how
 * many of its procedures a document in force covers and which not; for the science department, the import.
 */
@Route("tthc")
@Menu(order = 9.1, icon = "vaadin:list-ol", title = "nav.catalogue")
@PermitAll
class CatalogueView extends VerticalLayout implements TitledView {

    private final TthcCatalogue catalogue;
    final Grid<Tthc> grid = new Grid<>();
    final TextField filter = new TextField();
    final Span version = new Span();
    final Div coverage = new Div();
    private List<Tthc> entries = List.of();
    private Set<Long> handled = Set.of();

    CatalogueView(TthcCatalogue catalogue, AccessGuard guard) {
        this.catalogue = catalogue;
        addClassName("list-view");
        setSizeFull();
        filter.setPlaceholder(getTranslation("catalogue.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> showEntries());
        filter.setId("catalogue-filter");
        HorizontalLayout toolbar = new HorizontalLayout(filter, version);
        toolbar.addClassName("toolbar");
        toolbar.setAlignItems(Alignment.BASELINE);
        if (guard.caller().isProvinceWide()) {
            Button importButton = new Button(getTranslation("catalogue.import"), VaadinIcon.UPLOAD.create(),
                    e -> new CatalogueImportDialog(catalogue, this::refresh).open());
            importButton.setId("catalogue-import");
            toolbar.add(importButton);
        }
        coverage.addClassName("catalogue-coverage");
        coverage.setId("catalogue-coverage");

        grid.addColumn(Tthc::code).setHeader(getTranslation("catalogue.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Tthc::name).setHeader(getTranslation("catalogue.name")).setFlexGrow(4);
        grid.addColumn(Tthc::field).setHeader(getTranslation("catalogue.field")).setFlexGrow(1);
        grid.addColumn(t -> getTranslation("tthcLevel." + t.level())).setHeader(getTranslation("catalogue.level"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Tthc::agency).setHeader(getTranslation("catalogue.agency")).setFlexGrow(2);
        grid.addComponentColumn(t -> t.abolished() ? Badges.of(getTranslation("catalogue.abolished"), "badge error")
                : Badges.of(getTranslation("catalogue.active"), "badge success"))
                .setHeader(getTranslation("catalogue.status")).setAutoWidth(true).setFlexGrow(0);
        if (guard.caller().isProvinceWide()) {
            // The science department corrects which units handle what, for the unit it has switched to.
            grid.addComponentColumn(this::mapping).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setSizeFull();
        grid.setId("catalogue-grid");
        add(new Paragraph(getTranslation("catalogue.intro")), toolbar, coverage, grid);
        refresh();
    }

    private Component mapping(Tthc tthc) {
        Optional<UnitId> unit = CurrentUnit.get();
        if (unit.isEmpty() || tthc.abolished()) {
            return new Span();
        }
        boolean mapped = handled.contains(tthc.id());
        Button toggle = new Button(getTranslation(mapped ? "catalogue.unmap" : "catalogue.map"), e -> {
            Notifications.attempt(() -> {
                if (mapped) {
                    catalogue.exclude(unit.get(), tthc.id());
                } else {
                    catalogue.include(unit.get(), tthc.id());
                }
            }, mapped ? "catalogue.unmapped" : "catalogue.mapped");
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return toggle;
    }

    void refresh() {
        handled = CurrentUnit.get().map(catalogue::handledBy).orElse(Set.of());
        entries = catalogue.entries();
        version.setText(getTranslation("catalogue.version", catalogue.version(), entries.size()));
        showEntries();
        showCoverage();
    }

    private void showEntries() {
        String wanted = TextFolding.fold(filter.getValue());
        grid.setItems(entries.stream().filter(t -> wanted.isBlank() || t.code().contains(wanted)
                || TextFolding.fold(t.name() + " " + t.field() + " " + t.agency()).contains(wanted)).toList());
    }

    private void showCoverage() {
        coverage.removeAll();
        CurrentUnit.get().ifPresent(unit -> {
            Coverage c = catalogue.coverage(unit);
            if (c.procedures() == 0 && c.unknownCodes().isEmpty()) {
                coverage.add(new Paragraph(getTranslation("catalogue.coverage.none")));
                return;
            }
            coverage.add(new H3(getTranslation("catalogue.coverage", c.covered(), c.procedures(), c.percent())));
            addList("catalogue.coverage.uncovered", c.uncovered().stream()
                    .map(t -> new ListItem(t.code() + " · " + t.name())).toList());
            addList("catalogue.coverage.abolished", c.abolishedCited().stream().map(this::correction).toList());
            addList("catalogue.coverage.unknown", c.unknownCodes().stream().map(this::correction).toList());
        });
    }

    /** A cited code to correct, with a link to each document citing it. */
    private ListItem correction(Coverage.Correction correction) {
        ListItem item = new ListItem((correction.tthc() == null ? correction.code()
                : correction.code() + " · " + correction.tthc().name()) + " — "
                + getTranslation("catalogue.coverage.citedBy") + " ");
        correction.documents().forEach(d -> {
            Anchor link = new Anchor("document/" + d.documentId(), d.code());
            link.addClassName("correction-link");
            item.add(link, new Span(" "));
        });
        return item;
    }

    private void addList(String titleKey, List<ListItem> items) {
        if (items.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        items.forEach(list::add);
        // Folded: a unit may lack procedures for dozens of TTHC, and the catalogue below must stay in view.
        coverage.add(new Details(getTranslation(titleKey, items.size()), list));
    }

    @Override
    public String titleKey() {
        return "nav.catalogue";
    }
}
