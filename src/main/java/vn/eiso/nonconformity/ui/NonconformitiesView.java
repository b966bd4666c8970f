package vn.eiso.nonconformity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;

/** The unit's nonconformity register, each entry linked back to the audit finding that opened it. */
@Route("nonconformities")
@Menu(order = 6, icon = "vaadin:warning", title = "nav.nonconformities")
@PermitAll
class NonconformitiesView extends VerticalLayout implements TitledView {

    final Grid<Nonconformity> grid = new Grid<>();
    final Checkbox openOnly = new Checkbox();

    NonconformitiesView(Nonconformities nonconformities, Clock clock) {
        ZoneId zone = clock.getZone();
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        UnitId unit = current.get();
        grid.addColumn(n -> n.id().label()).setHeader(getTranslation("nc.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> Formats.dateTime(n.reportedAt(), zone)).setHeader(getTranslation("nc.reportedAt"))
                .setAutoWidth(true);
        grid.addColumn(n -> getTranslation("ncSource." + n.source())).setHeader(getTranslation("nc.source"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::severity).setHeader(getTranslation("nc.severity")).setAutoWidth(true);
        grid.addColumn(n -> join(n.clauseCode(), n.documentCode())).setHeader(getTranslation("nc.where"))
                .setAutoWidth(true);
        grid.addColumn(Nonconformity::description).setHeader(getTranslation("nc.description")).setWidth("22rem")
                .setFlexGrow(6);
        grid.addColumn(n -> getTranslation("ncStatus." + n.status())).setHeader(getTranslation("nc.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(n -> n.auditId() == null ? new Span()
                        : new Anchor("audit/" + n.auditId(), getTranslation("nc.fromAudit")))
                .setHeader(getTranslation("nc.origin")).setAutoWidth(true);
        openOnly.setLabel(getTranslation("nc.openOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> grid.setItems(nonconformities.ofUnit(unit, e.getValue())));
        grid.setItems(nonconformities.ofUnit(unit, true));
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new Paragraph(getTranslation("nc.help")), openOnly, grid);
    }

    private Component severity(Nonconformity n) {
        return Badges.of(getTranslation("ncSeverity." + n.severity()),
                n.severity() == Nonconformity.Severity.MAJOR ? "badge error primary" : "badge error");
    }

    private static String join(String clause, String document) {
        if (clause == null) {
            return document == null ? "" : document;
        }
        return document == null ? clause : document + " (" + clause + ")";
    }

    @Override
    public String titleKey() {
        return "nav.nonconformities";
    }
}
