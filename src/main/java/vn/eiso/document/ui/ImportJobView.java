package vn.eiso.document.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.NarrowScreens;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobId;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.ImportVerdict;

/**
 * One import: a progress bar (files done, refused, time left) that follows the job while it runs, whoever opened
 * the page and whenever, then every entry's verdict, and for the unit head the confirmation of the revisions that
 * were in force on paper.
 */
@Route(ImportJobs.JOB_ROUTE)
@PermitAll
class ImportJobView extends VerticalLayout implements HasUrlParameter<Long>, TitledView {

    /** How often a running job's progress is fetched. */
    static final int POLL_MILLIS = 1000;
    /** The note on a revision that waits for the head's confirmation. */
    private static final String AWAITING = "import.note.awaiting";
    /** How many of the revisions to confirm the dialog names. */
    private static final int NAMED = 10;

    final ProgressBar progress = new ProgressBar();
    final Span counts = new Span();
    final Paragraph started = new Paragraph();
    final Paragraph whileRunning = new Paragraph();
    final Grid<ImportVerdict> verdicts = new Grid<>();
    final RadioButtonGroup<String> show = new RadioButtonGroup<>();
    final Button confirm = new Button();

    private final ImportJobs imports;
    private final Clock clock;
    private ImportJobId id;
    private List<ImportVerdict> all = List.of();
    /** Whether the head has confirmed the batch: its notes "awaiting confirmation" then read as confirmed. */
    private boolean confirmed;

    ImportJobView(ImportJobs imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
        addClassName("list-view");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        removeAll();
        ImportJob job;
        try {
            id = new ImportJobId(parameter);
            job = imports.get(id);
        } catch (DomainException | AccessDeniedException e) {
            add(new H2(getTranslation("import.error.jobNotFound")));
            id = null;
            return;
        }
        progress.setId("import-progress");
        // A progress bar needs a name of its own for screen readers; the sentence under it describes it.
        progress.getElement().setAttribute("aria-label", getTranslation("imports.progress"));
        progress.getElement().setAttribute("aria-describedby", "import-counts");
        counts.setId("import-counts");
        started.setText(getTranslation("imports.startedBy", job.startedByName(),
                Formats.dateTime(job.createdAt(), clock.getZone())));
        started.addClassName("import-started");
        whileRunning.setText(getTranslation("imports.runningHelp"));
        confirm.setId("import-confirm");
        confirm.setText(getTranslation("imports.confirm"));
        confirm.setIcon(VaadinIcon.CHECK.create());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> new ConfirmDialog().open());
        show.setItems("all", "refused", "awaiting");
        show.setItemLabelGenerator(k -> getTranslation("imports.show.count", getTranslation("imports.show."
                + (k.equals("awaiting") && confirmed ? "confirmed" : k)), all.stream().filter(v -> shows(k, v)).count()));
        show.setAriaLabel(getTranslation("imports.show"));
        show.setValue("all");
        show.addValueChangeListener(e -> filter());
        verdicts.addColumn(ImportVerdict::entryName).setHeader(getTranslation("docImport.file")).setFlexGrow(3);
        verdicts.addColumn(v -> v.code() == null ? "" : v.code()).setHeader(getTranslation("document.code"))
                .setAutoWidth(true).setFlexGrow(0);
        verdicts.addColumn(v -> getTranslation("imports.outcome." + v.outcome())).setHeader(
                getTranslation("imports.outcome")).setAutoWidth(true).setFlexGrow(0);
        verdicts.addColumn(this::message).setHeader(getTranslation("imports.detail")).setFlexGrow(4);
        verdicts.setPartNameGenerator(v -> v.outcome() == ImportVerdict.Outcome.REFUSED ? "invalid-line" : null);
        NarrowScreens.cards(verdicts, getTranslation("docImport.file"), v -> NarrowScreens.card(
                new Span(v.entryName()), NarrowScreens.fact(getTranslation("imports.outcome." + v.outcome())),
                NarrowScreens.fact(v.code()), NarrowScreens.fact(message(v))));
        verdicts.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        verdicts.setSizeFull();
        add(new Anchor(ImportJobs.ROUTE, "← " + getTranslation("imports.title")),
                new H2(getTranslation("imports.heading", job.archiveName())), started, progress, counts, whileRunning,
                confirm, show, verdicts);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> {
            if (id != null && isAttached()) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    /** Reads the job again; polls while it runs and loads the verdicts once, when it has finished. */
    void refresh() {
        ImportJob job = imports.get(id);
        boolean running = !job.state().isFinished();
        progress.setIndeterminate(job.total() == 0 && running);
        progress.setValue(job.percent() / 100.0);
        counts.setText(stateText(this, job, OffsetDateTime.now(clock)));
        confirm.setVisible(job.awaitsConfirmation() && imports.canConfirm(job.unitId()));
        show.setVisible(job.state().isFinished());
        verdicts.setVisible(job.state().isFinished());
        whileRunning.setVisible(running);
        UI.getCurrent().setPollInterval(running ? POLL_MILLIS : -1);
        if (!running && all.isEmpty()) {
            all = imports.verdicts(id);
            confirmed = job.confirmedAt() != null;
            // Set again, so that the labels count what each choice shows (a refresh of the items would lose the
            // checked mark in the browser); the choice is kept.
            String choice = show.getValue();
            show.setItems("all", "refused", "awaiting");
            show.setValue(choice == null ? "all" : choice);
            filter();
        }
    }

    /** What the verdict says; a revision that waited for the head says it is in force once he has confirmed. */
    private String message(ImportVerdict v) {
        if (v.messageKey() == null) {
            return "";
        }
        String key = confirmed && v.messageKey().equals(AWAITING) ? "imports.note.confirmed" : v.messageKey();
        return getTranslation(key, v.args().toArray());
    }

    private void filter() {
        verdicts.setItems(all.stream().filter(v -> shows(show.getValue(), v)).toList());
    }

    private static boolean shows(String choice, ImportVerdict v) {
        return switch (choice == null ? "all" : choice) {
            case "refused" -> v.outcome() == ImportVerdict.Outcome.REFUSED;
            case "awaiting" -> AWAITING.equals(v.messageKey());
            default -> true;
        };
    }

    /** The job's state in a sentence: its progress and what is left, or how it ended. */
    static String stateText(Component view, ImportJob job, OffsetDateTime now) {
        return switch (job.state()) {
            case QUEUED -> view.getTranslation("imports.state.QUEUED");
            case RUNNING -> {
                Duration left = job.timeLeft(now);
                String counts = view.getTranslation("imports.state.RUNNING", job.done(), job.total(), job.imported(),
                        job.refused());
                yield left == null ? counts : counts + " · " + view.getTranslation("imports.timeLeft",
                        Math.max(1, left.toSeconds()));
            }
            case DONE -> view.getTranslation("imports.state.DONE", job.imported(), job.skipped(), job.refused())
                    + (job.awaitsConfirmation() ? " · " + view.getTranslation("imports.awaiting", job.awaiting())
                            : job.confirmedAt() != null ? " · " + view.getTranslation("imports.confirmed",
                                    job.confirmedByName()) : "");
            case FAILED -> view.getTranslation("imports.state.FAILED", job.imported(), job.refused()) + " "
                    + view.getTranslation(job.errorKey(), job.errorArgs().toArray());
        };
    }

    /** The head's confirmation: the password re-entered; the dialog stays open with the reason when refused. */
    class ConfirmDialog extends Dialog {

        final PasswordField password = new PasswordField();

        ConfirmDialog() {
            ImportJob job = imports.get(id);
            setHeaderTitle(getTranslation("imports.confirm"));
            setWidth("min(32rem, 100vw)");
            password.setId("import-password");
            password.setLabel(getTranslation("signoff.password"));
            password.setRequiredIndicatorVisible(true);
            // Wide enough for the reason of a refusal to stay on one line.
            password.setWidthFull();
            password.setAutofocus(true);
            add(new Paragraph(getTranslation("imports.confirm.help", job.awaiting(), job.archiveName())),
                    revisions(), password);
            Button sign = new Button(getTranslation("imports.confirm"), e -> sign());
            sign.setId("import-sign");
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            sign.addClickShortcut(Key.ENTER);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), sign);
        }

        /** What the head signs for: each revision by code, number and date, the first few of a large batch. */
        private Component revisions() {
            List<ImportVerdict> awaiting = all.stream().filter(v -> AWAITING.equals(v.messageKey())).toList();
            UnorderedList list = new UnorderedList();
            list.addClassName("import-confirm-list");
            awaiting.stream().limit(NAMED).forEach(v -> list.add(new ListItem(getTranslation("imports.confirm.item",
                    v.code(), v.args().get(0), v.args().get(1), v.entryName()))));
            if (awaiting.size() > NAMED) {
                list.add(new ListItem(getTranslation("imports.confirm.more", awaiting.size() - NAMED)));
            }
            return list;
        }

        void sign() {
            try {
                ImportJob done = imports.confirm(id, password.getValue());
                Notifications.success(getTranslation("imports.confirmedNow", done.awaiting()));
                close();
                all = List.of();
                refresh();
            } catch (DomainException e) {
                password.clear();
                password.setInvalid(true);
                password.setErrorMessage(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    @Override
    public String titleKey() {
        return "imports.job.title";
    }
}
