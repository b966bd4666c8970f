package vn.eiso.onestop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.onestop.DossierStatistics;
import vn.eiso.onestop.MonthFigures;

/**
 * The one-stop figures of the unit one works in, month by month: dossiers received, resolved on time and late,
 * pending and returned, and the on-time rate. A month with too many late dossiers is marked, and its quality
 * officer may record a nonconformity for it in one click (never recorded by itself). The science department
 * imports the one-stop software's export here.
 */
@Route("mot-cua")
@Menu(order = 8.5, icon = "vaadin:folder-open-o", title = "nav.oneStop")
@PermitAll
class OneStopView extends VerticalLayout implements TitledView {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final DossierStatistics statistics;
    private final Nonconformities nonconformities;
    private final AccessGuard guard;
    final Grid<MonthFigures> grid = new Grid<>();
    private final Optional<UnitId> unit;

    OneStopView(DossierStatistics statistics, Nonconformities nonconformities, AccessGuard guard) {
        this.statistics = statistics;
        this.nonconformities = nonconformities;
        this.guard = guard;
        add(new Paragraph(getTranslation("oneStop.intro", Math.round(statistics.lateShareThreshold() * 100))));
        if (guard.caller().isProvinceWide()) {
            Upload upload = new Upload(Uploads.bounded(UI.getCurrent(), DossierStatistics.MAX_BYTES, this::importFile));
            upload.setId("onestop-upload");
            upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            upload.setMaxFiles(1);
            upload.setUploadButton(new Button(getTranslation("oneStop.import")));
            Uploads.localise(upload);
            add(upload);
        }
        unit = CurrentUnit.forListView(this);
        grid.addColumn(m -> MONTH.format(m.month())).setHeader(getTranslation("oneStop.month")).setAutoWidth(true);
        number("oneStop.received", MonthFigures::received);
        number("oneStop.onTime", MonthFigures::onTime);
        number("oneStop.late", MonthFigures::late);
        number("oneStop.pending", MonthFigures::pending);
        number("oneStop.returned", MonthFigures::returned);
        grid.addColumn(m -> String.format("%.1f %%", m.onTimeRate())).setHeader(getTranslation("oneStop.rate"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(this::suggestion).setAutoWidth(true);
        grid.setPartNameGenerator(m -> m.tooManyLate() ? "too-many-late" : null);
        grid.setId("onestop-grid");
        grid.setEmptyStateText(getTranslation("oneStop.none"));
        grid.setSizeFull();
        unit.ifPresent(u -> add(grid));
        refresh();
    }

    private void number(String key, ToIntFunction<MonthFigures> value) {
        grid.addColumn(m -> value.applyAsInt(m)).setHeader(getTranslation(key)).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }

    private Component suggestion(MonthFigures m) {
        if (!m.tooManyLate() || unit.isEmpty() || !guard.caller().canEdit(unit.get())) {
            return new Span();
        }
        Button record = new Button(getTranslation("oneStop.recordNc"), e -> recordNonconformity(m));
        record.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        record.setId("onestop-nc-" + MONTH.format(m.month()).replace('/', '-'));
        return record;
    }

    private void recordNonconformity(MonthFigures m) {
        String description = getTranslation("oneStop.ncText", MONTH.format(m.month()), m.late(), m.onTime() + m.late(),
                String.format("%.1f", 100 - m.onTimeRate()), Math.round(statistics.lateShareThreshold() * 100));
        try {
            var id = nonconformities.report(new NcReport(unit.orElseThrow(), Nonconformity.Source.PROCESS_MONITORING,
                    description, null, "9.1"), Map.of());
            Notifications.success(getTranslation("oneStop.ncRecorded", id.label()));
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    void importFile(String fileName, byte[] content) {
        try {
            DossierStatistics.Result result = statistics.importFile(fileName, content);
            if (result.errors().isEmpty()) {
                Notifications.success(getTranslation("oneStop.imported", result.stored()));
                refresh();
            } else {
                Notifications.error(getTranslation("oneStop.importRefused", result.errors().size(),
                        result.errors().stream().limit(5).map(e -> getTranslation("import.lineShort", e.line()) + " "
                                + getTranslation(e.messageKey(), e.args().toArray()))
                                .collect(Collectors.joining("; "))));
            }
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void refresh() {
        unit.ifPresent(u -> grid.setItems(statistics.monthly(u).reversed()));
    }

    @Override
    public String titleKey() {
        return "nav.oneStop";
    }
}
