package vn.eiso.document.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import java.time.ZoneId;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;

/** The unit's imports, newest first: each opens its page with the progress, the verdicts and the confirmation. */
@Route(ImportJobs.ROUTE)
@PermitAll
class ImportsView extends VerticalLayout implements TitledView {

    final Grid<ImportJob> grid = new Grid<>();

    ImportsView(ImportJobs imports, java.time.Clock clock) {
        addClassName("list-view");
        setSizeFull();
        java.util.List<ImportJob> jobs;
        try {
            jobs = CurrentUnit.get().map(imports::ofUnit).orElseThrow(() -> new AccessDeniedException("no unit"));
        } catch (AccessDeniedException e) {
            add(new Paragraph(getTranslation("imports.none")));
            return;
        }
        ZoneId zone = clock.getZone();
        grid.addColumn(j -> Formats.dateTime(j.createdAt(), zone)).setHeader(getTranslation("imports.started"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportJob::archiveName).setHeader(getTranslation("imports.archive")).setFlexGrow(2);
        grid.addColumn(ImportJob::startedByName).setHeader(getTranslation("imports.by")).setFlexGrow(1);
        grid.addColumn(j -> ImportJobView.stateText(this, j, java.time.OffsetDateTime.now(clock))).setHeader(getTranslation("imports.state")).setFlexGrow(2);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ImportJobView.class,
                e.getItem().id().value())));
        grid.setItems(jobs);
        grid.setSizeFull();
        add(new Paragraph(getTranslation("imports.help")), grid);
    }

    @Override
    public String titleKey() {
        return "imports.title";
    }
}
