package vn.eiso.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.search.SearchService;

/** The administrator's view of the search index: its size, what waits to be indexed, and a full rebuild. */
@Route("admin/search-index")
@Menu(order = 13, icon = "vaadin:database", title = "nav.searchIndex")
@RolesAllowed(Role.Names.ADMINISTRATOR)
class SearchIndexView extends VerticalLayout implements TitledView {

    final Span entries = new Span();
    final Span pending = new Span();
    final Span last = new Span();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Button rebuild = new Button();
    private final SearchService search;
    private com.vaadin.flow.shared.Registration polling;

    SearchIndexView(SearchService search) {
        this.search = search;
        rebuild.setText(getTranslation("searchIndex.rebuild"));
        rebuild.setIcon(VaadinIcon.REFRESH.create());
        rebuild.setId("search-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rebuild.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("searchIndex.rebuild"),
                    getTranslation("searchIndex.rebuild.confirm"), getTranslation("searchIndex.rebuild"), ok -> start(),
                    getTranslation("common.cancel"), cancel -> { });
            confirm.open();
        });
        add(new Paragraph(getTranslation("searchIndex.help")), entries, pending, last, progress, progressText,
                rebuild);
        refresh();
    }

    void start() {
        try {
            search.rebuild();
            Notifications.success(getTranslation("searchIndex.started"));
        } catch (DomainException e) {
            Notifications.error(e);
        }
        refresh();
    }

    /** Reads the status again; polled while a rebuild runs. */
    void refresh() {
        SearchService.RebuildStatus status = search.status();
        entries.setText(getTranslation("searchIndex.entries", status.entries()));
        pending.setText(getTranslation("searchIndex.pending", status.pending()));
        last.setText(status.failure() != null ? getTranslation("searchIndex.failed", status.failure())
                : status.tookMillis() == null ? "" : getTranslation("searchIndex.took", status.tookMillis() / 1000.0));
        // A failed rebuild changed nothing (searches use the previous index), but the administrator must see why.
        last.getElement().getThemeList().set("badge", status.failure() != null);
        last.getElement().getThemeList().set("error", status.failure() != null);
        progress.setVisible(status.running());
        progressText.setVisible(status.running());
        if (status.running()) {
            progress.setMax(Math.max(1, status.total()));
            progress.setValue(Math.min(status.done(), Math.max(1, status.total())));
            progressText.setText(getTranslation("searchIndex.progress", status.done(), status.total()));
        }
        rebuild.setEnabled(!status.running());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        polling.remove();
    }

    @Override
    public String titleKey() {
        return "nav.searchIndex";
    }
}
