package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.Role;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.SearchField;
import vn.eiso.base.ui.TitledView;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitImport;
import vn.eiso.organisation.Restructuring;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitStatus;
import vn.eiso.organisation.UnitType;

/** The province's units as a tree: administrators change them, the science department reads them. */
@Route("admin/units")
@Menu(order = 10, icon = "vaadin:sitemap", title = "nav.units")
@RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.OVERSIGHT})
class UnitsView extends VerticalLayout implements TitledView {

    private final UnitService units;
    private final UnitImport unitImport;
    private final Restructuring restructuring;
    private final ZoneId zone;
    private final boolean admin;
    final TreeGrid<Unit> grid = new TreeGrid<>();
    final SearchField search = new SearchField("units.search", this::refresh);
    final Select<UnitType> typeFilter = new Select<>();
    final Select<UnitStatus> statusFilter = new Select<>();
    private List<Unit> all = List.of();

    UnitsView(UnitService units, UnitImport unitImport, Restructuring restructuring, AccessGuard guard,
            Clock clock) {
        this.units = units;
        this.restructuring = restructuring;
        this.zone = clock.getZone();
        this.unitImport = unitImport;
        this.admin = guard.caller().isAdministrator();
        addClassName("list-view");
        setSizeFull();

        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption(getTranslation("units.allTypes"));
        typeFilter.setItems(UnitType.values());
        typeFilter.setItemLabelGenerator(t -> t == null ? getTranslation("units.allTypes")
                : getTranslation("unitType." + t));
        typeFilter.setAriaLabel(getTranslation("unit.type"));
        typeFilter.addValueChangeListener(e -> refresh());
        statusFilter.setItems(UnitStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("units.allStatuses"));
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("units.allStatuses")
                : getTranslation("unitStatus." + s));
        statusFilter.setValue(UnitStatus.ACTIVE);
        statusFilter.setAriaLabel(getTranslation("unit.status"));
        statusFilter.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search, typeFilter, statusFilter);
        toolbar.addClassName("toolbar");
        toolbar.setWrap(true);
        if (admin) {
            Button add = new Button(getTranslation("units.add"), VaadinIcon.PLUS.create(), e -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button importFile = new Button(getTranslation("units.import"), VaadinIcon.UPLOAD.create(),
                    e -> new UnitImportDialog(unitImport, this::refresh).open());
            Button merge = new Button(getTranslation("merge.title"), VaadinIcon.COMPRESS_SQUARE.create(),
                    e -> new MergeDialog(restructuring, all, this::refresh).open());
            toolbar.add(add, importFile, merge);
        }

        grid.addHierarchyColumn(Unit::name).setHeader(getTranslation("unit.name")).setWidth("24rem").setFlexGrow(1);
        grid.addColumn(Unit::code).setHeader(getTranslation("unit.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation("unitType." + u.type())).setHeader(getTranslation("unit.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("unit.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(u -> iconButton(VaadinIcon.TIME_BACKWARD, "lineage.open",
                () -> new LineageDialog(restructuring, u, zone).open())).setAutoWidth(true).setFlexGrow(0);
        if (admin) {
            grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addItemDoubleClickListener(e -> openEditor(e.getItem()));
        }
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    void refresh() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        all = units.all().stream()
                .sorted(Comparator.comparing(Unit::type).thenComparing(Unit::name, collator))
                .toList();
        Map<UnitId, Unit> byId = new HashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        Set<Unit> shown = new LinkedHashSet<>();
        for (Unit unit : all) {
            if (matches(unit)) {
                // Keep the path to the root so that a match is shown where it sits in the hierarchy.
                Unit current = unit;
                while (current != null && shown.add(current)) {
                    current = current.parentId() == null ? null : byId.get(current.parentId());
                }
            }
        }
        TreeData<Unit> data = new TreeData<>();
        addChildren(data, null, shown);
        grid.setDataProvider(new TreeDataProvider<>(data));
        grid.expandRecursively(data.getRootItems(), 3);
    }

    private void addChildren(TreeData<Unit> data, Unit parent, Set<Unit> shown) {
        UnitId parentId = parent == null ? null : parent.id();
        for (Unit unit : shown) {
            boolean isChild = parentId == null ? unit.parentId() == null
                    || shown.stream().noneMatch(u -> u.id().equals(unit.parentId())) : parentId.equals(unit.parentId());
            if (isChild) {
                data.addItem(parent, unit);
                addChildren(data, unit, shown);
            }
        }
    }

    private boolean matches(Unit unit) {
        String text = TextFolding.fold(search.getValue());
        return (text.isEmpty() || TextFolding.fold(unit.name()).contains(text) || TextFolding.fold(unit.code()).contains(text))
                && (typeFilter.getValue() == null || unit.type() == typeFilter.getValue())
                && (statusFilter.getValue() == null || unit.status() == statusFilter.getValue());
    }

    private Span statusBadge(Unit unit) {
        Span badge = new Span(getTranslation("unitStatus." + unit.status()));
        badge.getElement().getThemeList().add(unit.isActive() ? "badge success" : "badge contrast");
        return badge;
    }

    private HorizontalLayout actions(Unit unit) {
        Button edit = iconButton(VaadinIcon.EDIT, "common.edit", () -> openEditor(unit));
        Button status = unit.isActive()
                ? iconButton(VaadinIcon.ARCHIVE, "units.archive", () -> confirmArchive(unit))
                : iconButton(VaadinIcon.ARROW_BACKWARD, "units.restore", () -> run(() -> units.restore(unit.id(),
                        unit.version()), "units.restored"));
        Button delete = iconButton(VaadinIcon.TRASH, "common.delete", () -> confirmDelete(unit));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(edit, status, delete);
        if (unit.isActive()) {
            actions.add(iconButton(VaadinIcon.SPLIT, "split.open",
                    () -> new SplitDialog(restructuring, unit, all, this::refresh).open()));
        }
        return actions;
    }

    private Button iconButton(VaadinIcon icon, String labelKey, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }

    void openEditor(Unit unit) {
        new UnitDialog(units, all, unit, this::refresh).open();
    }

    void confirmArchive(Unit unit) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("units.archive.title"),
                getTranslation("units.archive.text", unit.name()), getTranslation("units.archive"),
                e -> run(() -> units.archive(unit.id(), unit.version()), "units.archived"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.open();
    }

    private void confirmDelete(Unit unit) {
        Dialogs.confirmDestructive(getTranslation("units.delete.title"),
                getTranslation("units.delete.text", unit.name()), getTranslation("common.delete"),
                () -> run(() -> units.delete(unit.id(), unit.version()), "units.deleted"));
    }

    private void run(Runnable action, String successKey) {
        Notifications.attempt(action, successKey);
        refresh();
    }

    @Override
    public String titleKey() {
        return "nav.units";
    }
}
