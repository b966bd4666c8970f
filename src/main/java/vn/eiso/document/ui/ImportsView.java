package vn.eiso.document.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;

/** The unit's imports, newest first: each opens its page with the progress, the verdicts and the confirmation. */
@Route(ImportJobs.ROUTE)
@PermitAll
class ImportsView extends VerticalLayout implements TitledView {

    final Grid<ImportJob> grid = new Grid<>();

    ImportsView(ImportJobs imports, Clock clock) {
        addClassName("list-view");
        setSizeFull();
        List<ImportJob> jobs;
        try {
            jobs = CurrentUnit.get().map(imports::ofUnit).orElseThrow(() -> new AccessDeniedException("no unit"));
        } catch (AccessDeniedException e) {
            add(new Paragraph(getTranslation("imports.none")));
            return;
        }
        ZoneId zone = clock.getZone();
        // The state is a sentence (counts, who confirmed): it wraps rather than being cut, and takes the most room.
        // The archive's name is a link, so that a keyboard reaches each import, not only a click on its row.
        grid.addColumn(j -> Formats.dateTime(j.createdAt(), zone)).setHeader(getTranslation("imports.started"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::link).setHeader(getTranslation("imports.archive")).setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(ImportJob::startedByName).setHeader(getTranslation("imports.by")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(j -> ImportJobView.stateText(this, j, OffsetDateTime.now(clock)))
                .setHeader(getTranslation("imports.state")).setWidth("16rem").setFlexGrow(3);
        NarrowScreens.cards(grid, getTranslation("imports.title"), j -> NarrowScreens.card(link(j),
                NarrowScreens.fact(ImportJobView.stateText(this, j, OffsetDateTime.now(clock))),
                NarrowScreens.fact(j.startedByName() + " · " + Formats.dateTime(j.createdAt(), zone))));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("imports.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ImportJobView.class,
                e.getItem().id().value())));
        grid.setItems(jobs);
        grid.setSizeFull();
        add(new Paragraph(getTranslation("imports.help")), grid);
    }

    private Anchor link(ImportJob job) {
        return new Anchor(ImportJobs.JOB_ROUTE + "/" + job.id().value(), job.archiveName());
    }

    @Override
    public String titleKey() {
        return "imports.title";
    }
}
