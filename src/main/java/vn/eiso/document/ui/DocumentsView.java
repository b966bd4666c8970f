package vn.eiso.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.SearchField;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.DocumentFilter;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.RegisterStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ImportJobs;
import vn.eiso.organisation.UserService;

/** The register of the current unit's documents, loaded page by page from the database. */
@Route("documents")
@Menu(order = 2, icon = "vaadin:records", title = "nav.documents")
@PermitAll
class DocumentsView extends VerticalLayout implements TitledView {

    private final DocumentRegister register;
    final Grid<DocumentSummary> grid = new Grid<>();
    final SearchField search = new SearchField("documents.search", this::refresh);
    final Select<DocumentType> type = new Select<>();
    final Select<RegisterStatus> status = new Select<>();
    final Checkbox overdue = new Checkbox();
    private final Optional<UnitId> unit;

    DocumentsView(DocumentRegister register, ImportJobs imports,
            UserService users, TthcCatalogue catalogue, FileLimits limits) {
        this.register = register;
        this.unit = CurrentUnit.get();
        addClassName("list-view");
        setSizeFull();
        if (unit.isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.unit.none")));
            return;
        }
        boolean editor = register.canEdit(unit.get());

        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("documents.allTypes"));
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("documents.allTypes") : getTranslation("docType." + t));
        type.setAriaLabel(getTranslation("document.type"));
        type.addValueChangeListener(e -> refresh());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("documents.allStatuses"));
        // Editors see every state, revisions in review and approved ones not yet in force included; readers see
        // only what is or was in force.
        status.setItems(editor ? RegisterStatus.values()
                : new RegisterStatus[] {RegisterStatus.EFFECTIVE, RegisterStatus.OBSOLETE});
        status.setItemLabelGenerator(s -> s == null ? getTranslation("documents.allStatuses")
                : getTranslation("registerStatus." + s));
        status.setAriaLabel(getTranslation("document.status"));
        status.addValueChangeListener(e -> refresh());
        overdue.setLabel(getTranslation("documents.overdueOnly"));
        overdue.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search, type, status, overdue);
        toolbar.addClassName("toolbar");
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (editor) {
            Button add = new Button(getTranslation("documents.add"), VaadinIcon.PLUS.create(),
                    e -> new DocumentDialog(register, users, catalogue, unit.get(), null,
                            d -> getUI().ifPresent(ui -> ui.navigate(DocumentView.class, d.id().value()))).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button bulk = new Button(getTranslation("documents.import"), VaadinIcon.UPLOAD.create(),
                    e -> new DocumentImportDialog(imports, limits, unit.get()).open());
            Button batches = new Button(getTranslation("imports.title"), VaadinIcon.TASKS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ImportsView.class)));
            toolbar.add(add, bulk, batches);
        }

        // Sized to fit a 1366-pixel screen beside the menu: short columns fixed, the title takes what is left and
        // wraps, as do a status with a revision on its way and the owner's name. A phone gets one card per row.
        grid.addColumn(DocumentSummary::code).setHeader(getTranslation("document.code")).setKey(DocumentSort.CODE.name())
                .setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(DocumentSummary::title).setHeader(getTranslation("document.title"))
                .setKey(DocumentSort.TITLE.name()).setSortable(true).setWidth("14rem").setFlexGrow(3);
        grid.addColumn(d -> getTranslation("docType." + d.type())).setHeader(getTranslation("document.type"))
                .setKey(DocumentSort.TYPE.name()).setSortable(true).setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("document.status"))
                .setKey(DocumentSort.STATUS.name()).setSortable(true).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(d -> d.effectiveRevision() == null ? "" : String.valueOf(d.effectiveRevision()))
                .setHeader(getTranslation("document.revision")).setWidth("4.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(d -> d.ownerName() == null ? "" : d.ownerName()).setHeader(getTranslation("document.owner"))
                .setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(this::reviewCell).setHeader(getTranslation("document.nextReview"))
                .setKey(DocumentSort.NEXT_REVIEW.name()).setSortable(true).setWidth("8rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        NarrowScreens.cards(grid, getTranslation("nav.documents"), d -> NarrowScreens.card(
                new Span(d.code() + " · " + d.title()), statusBadge(d),
                NarrowScreens.fact(getTranslation("docType." + d.type())), reviewCell(d)));
        grid.setPageSize(50);
        grid.setItems(query -> {
            DocumentSort sort = query.getSortOrders().isEmpty() ? DocumentSort.CODE
                    : DocumentSort.valueOf(query.getSortOrders().getFirst().getSorted());
            boolean ascending = query.getSortOrders().isEmpty()
                    || query.getSortOrders().getFirst().getDirection() == SortDirection.ASCENDING;
            return register.list(filter(), sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> register.count(filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DocumentView.class, e.getItem().id().value())));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    DocumentFilter filter() {
        return new DocumentFilter(unit.orElseThrow(), search.getValue(), type.getValue(), null, null,
                overdue.getValue(), status.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The document's status, and beside it the state of a new revision on its way (e.g. in force · lần 3 in review). */
    private Component statusBadge(DocumentSummary d) {
        Span shown = Badges.of(getTranslation("registerStatus." + d.registerStatus()), theme(d.registerStatus()));
        RegisterStatus pending = d.pendingStatus();
        if (pending == null) {
            return shown;
        }
        Span next = Badges.of(getTranslation("documents.pending", d.unfinishedRevision(),
                getTranslation("registerStatus." + pending)), theme(pending));
        Span both = new Span(shown, new Text(" "), next);
        both.addClassName("status-pair");
        return both;
    }

    private static String theme(RegisterStatus status) {
        return switch (status) {
            case EFFECTIVE -> "badge success";
            case DRAFT -> "badge";
            case IN_REVIEW, APPROVED, IMPORTED -> "badge primary";
            case OBSOLETE -> "badge contrast";
        };
    }

    private Span reviewCell(DocumentSummary d) {
        Span cell = new Span(d.nextReviewOn() == null ? "" : DocumentBadges.date(d.nextReviewOn()));
        if (d.reviewOverdue()) {
            cell.getElement().getThemeList().add("badge error");
            cell.setTitle(d.reviewFlag() == null ? getTranslation("documents.reviewOverdue")
                    : getTranslation("documents.reviewFlagged", d.reviewFlag()));
            if (d.nextReviewOn() == null) {
                cell.setText(getTranslation("documents.flagged"));
            }
        }
        return cell;
    }

    @Override
    public String titleKey() {
        return "nav.documents";
    }
}
