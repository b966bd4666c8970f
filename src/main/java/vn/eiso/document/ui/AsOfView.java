package vn.eiso.document.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.RevisionInForce;
import vn.eiso.document.RevisionWorkflow;

/** Which revisions were in force on a given day in the current unit: what an auditor asks first. */
@Route("documents/as-of")
@Menu(order = 3, icon = "vaadin:calendar-clock", title = "nav.asOf")
@PermitAll
class AsOfView extends VerticalLayout implements TitledView {

    final DatePicker day = new DatePicker();
    final Grid<RevisionInForce> grid = new Grid<>();

    AsOfView(RevisionWorkflow workflow, Clock clock) {
        addClassName("list-view");
        setSizeFull();
        if (CurrentUnit.get().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.unit.none")));
            return;
        }
        day.setLabel(getTranslation("asOf.day"));
        DatePickers.localise(day);
        day.setValue(LocalDate.now(clock));
        grid.addColumn(RevisionInForce::code).setHeader(getTranslation("document.code")).setAutoWidth(true);
        grid.addColumn(RevisionInForce::title).setHeader(getTranslation("document.title")).setFlexGrow(3);
        grid.addColumn(RevisionInForce::number).setHeader(getTranslation("revision.numberShort")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> DocumentBadges.date(r.effectiveOn())).setHeader(getTranslation("revision.effectiveFrom"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> DocumentBadges.status(r.statusToday())).setHeader(getTranslation("asOf.statusToday"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RevisionView.class, e.getItem().revisionId().value())));
        grid.setSizeFull();
        Runnable load = () -> grid.setItems(day.getValue() == null ? List.of()
                : workflow.effectiveOn(CurrentUnit.get().orElseThrow(), day.getValue()));
        day.addValueChangeListener(e -> load.run());
        load.run();
        add(new Paragraph(getTranslation("asOf.help")), day, grid);
    }

    @Override
    public String titleKey() {
        return "nav.asOf";
    }
}
