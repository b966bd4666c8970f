package vn.eiso.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneId;
import vn.eiso.base.ui.Formats;
import vn.eiso.organisation.Lineage;
import vn.eiso.organisation.Restructuring;
import vn.eiso.organisation.Unit;

/** Where a unit came from and where it went: every merge and split it took part in. */
class LineageDialog extends Dialog {

    final Grid<Lineage> grid = new Grid<>();

    LineageDialog(Restructuring restructuring, Unit unit, ZoneId zone) {
        setHeaderTitle(getTranslation("lineage.title", unit.name()));
        setWidth("min(56rem, 100vw)");
        grid.addColumn(l -> Formats.dateTime(l.occurredAt(), zone)).setHeader(getTranslation("lineage.when"))
                .setAutoWidth(true);
        grid.addColumn(l -> getTranslation("lineageKind." + l.kind())).setHeader(getTranslation("lineage.kind"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.predecessorName() + " → " + l.successorName()).setHeader(getTranslation("lineage.route"))
                .setFlexGrow(2);
        grid.addColumn(Lineage::movedItems).setHeader(getTranslation("lineage.items")).setAutoWidth(true);
        grid.addColumn(Lineage::actor).setHeader(getTranslation("lineage.actor")).setAutoWidth(true);
        grid.setItems(restructuring.lineageOf(unit.id()));
        grid.setEmptyStateText(getTranslation("lineage.none"));
        grid.setAllRowsVisible(true);
        add(grid);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }
}
