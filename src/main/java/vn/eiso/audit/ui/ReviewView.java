package vn.eiso.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.Verdict;
import vn.eiso.base.ui.ActionBar;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.base.ui.RecordPage;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audit.ReviewAction;
import vn.eiso.audit.ReviewId;
import vn.eiso.audit.ReviewInput;
import vn.eiso.audit.ReviewInputKey;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Messages;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;

/**
 * One management review: each 9.3 input with the system's figures, the meeting's notes and a tick when covered;
 * attendees and minutes; the decisions as actions with owners and due dates. Closed by the head, then frozen.
 */
@Route("management-review")
@PermitAll
class ReviewView extends RecordPage implements HasUrlParameter<Long>, TitledView {

    private final ManagementReviews reviews;
    private final UserService users;
    private final Clock clock;
    private ManagementReview review;
    final TextArea attendees = new TextArea();
    final TextArea minutes = new TextArea();
    final Map<ReviewInputKey, TextArea> notes = new EnumMap<>(ReviewInputKey.class);
    final Map<ReviewInputKey, Checkbox> covered = new EnumMap<>(ReviewInputKey.class);
    final Grid<ReviewAction> actions = new Grid<>();
    final FieldErrors formErrors = new FieldErrors().on("error.review.minutesRequired", minutes)
            .on("error.tooLong", minutes);

    ReviewView(ManagementReviews reviews, UserService users, Clock clock) {
        this.reviews = reviews;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            review = reviews.get(new ReviewId(id));
        } catch (DomainException | AccessDeniedException e) {
            removeAll();
            add(new H2(getTranslation("error.review.notFound")));
            return;
        }
        render();
    }

    @Override
    protected void compose(Parts page) {
        review = reviews.get(review.id());
        boolean editable = review.status() == ManagementReview.Status.OPEN && reviews.canEdit(review.unitId());
        Texts texts = Messages.texts(getLocale());
        ReviewId id = review.id();
        page.back("management-reviews", getTranslation("nav.reviews"))
                .title(review.title())
                .facts(Badges.of(getTranslation("reviewStatus." + review.status()),
                        review.status() == ManagementReview.Status.CLOSED ? "badge success" : "badge"))
                .fact("review.heldOn", Formats.date(review.heldOn()))
                .facts(new Span(review.unitName()))
                .status(reviews.nextStep(id));
        ActionBar bar = page.actions();
        if (editable && reviews.canClose(review.unitId())) {
            bar.primary(getTranslation("review.close"), VaadinIcon.LOCK, Verdict.ALLOWED, this::confirmClose)
                    .setId("review-close");
        }
        if (editable) {
            bar.secondary(getTranslation("review.refresh"), VaadinIcon.REFRESH,
                    () -> act(() -> reviews.refreshFigures(id), "review.refreshed"));
        }
        bar.addExtra(Downloads.pdf(getTranslation("review.pdf"), "BIEN-BAN-XEM-XET-" + id.value() + ".pdf",
                () -> reviews.minutesPdf(id, texts)));

        page.section(new H3(getTranslation("review.inputs")), new Paragraph(getTranslation("review.inputs.help")));
        notes.clear();
        covered.clear();
        for (ReviewInput input : review.inputs()) {
            page.section(inputRow(input, texts, editable));
        }
        attendees.setLabel(getTranslation("review.attendees"));
        attendees.setWidthFull();
        attendees.setValue(review.attendees() == null ? "" : review.attendees());
        attendees.setReadOnly(!editable);
        minutes.setLabel(getTranslation("review.minutes"));
        minutes.setWidthFull();
        minutes.setMinHeight("8rem");
        minutes.setValue(review.minutes() == null ? "" : review.minutes());
        minutes.setReadOnly(!editable);
        formErrors.clear();
        page.section(attendees, minutes, formErrors.formLine());
        if (editable) {
            Button save = new Button(getTranslation("common.save"), VaadinIcon.CHECK.create(), e -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            page.section(save);
        }
        page.section(new H3(getTranslation("review.actions")), actionsGrid(editable));
        if (review.closedAt() != null) {
            page.section(new Paragraph(getTranslation("review.closedBy") + ": " + review.closedByName() + " · "
                    + Formats.dateTime(review.closedAt(), clock.getZone())));
        }
    }

    private Component inputRow(ReviewInput input, Texts texts, boolean editable) {
        Checkbox done = new Checkbox(getTranslation("reviewInput." + input.key()), input.covered());
        done.setReadOnly(!editable);
        Span figures = new Span(ManagementReviews.figuresText(input, texts));
        figures.addClassName("review-figures");
        TextArea note = new TextArea();
        note.setAriaLabel(getTranslation("review.notes"));
        note.setPlaceholder(getTranslation("review.notes"));
        note.setWidthFull();
        note.setValue(input.notes() == null ? "" : input.notes());
        note.setReadOnly(!editable);
        notes.put(input.key(), note);
        covered.put(input.key(), done);
        Div row = new Div(done, figures);
        if (editable || input.notes() != null) {
            row.add(note);
        }
        row.addClassName("review-input");
        return row;
    }

    private void save() {
        formAct(this::record, "review.saved");
    }

    /** Saving or closing the form: a refusal shows on the field or under the form, with what was typed kept. */
    private void formAct(Runnable action, String successKey) {
        try {
            action.run();
            Notifications.success(getTranslation(successKey));
            render();
        } catch (DomainException e) {
            formErrors.clear();
            formErrors.show(e);
        }
    }

    /** What is on the screen, stored: the ticks, notes, attendees and minutes. */
    private ManagementReview record() {
        Map<ReviewInputKey, ReviewInput> inputs = new EnumMap<>(ReviewInputKey.class);
        notes.forEach((key, area) -> inputs.put(key, new ReviewInput(key, List.of(), area.getValue(),
                covered.get(key).getValue())));
        return reviews.record(review.id(), review.version(), attendees.getValue(), minutes.getValue(), inputs);
    }

    private Component actionsGrid(boolean editable) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        LocalDate today = LocalDate.now(clock);
        actions.removeAllColumns();
        actions.addColumn(ReviewAction::description).setHeader(getTranslation("review.action")).setFlexGrow(3);
        actions.addColumn(ReviewAction::ownerName).setHeader(getTranslation("review.action.owner")).setAutoWidth(true);
        actions.addComponentColumn(a -> a.isOverdue(today)
                        ? Badges.of(Formats.date(a.dueOn()), "badge error primary") : new Span(Formats.date(a.dueOn())))
                .setHeader(getTranslation("review.action.due")).setAutoWidth(true);
        java.util.Set<Long> completable = reviews.completableActions(review.id());
        actions.addComponentColumn(a -> {
            if (!completable.contains(a.id()) && a.doneAt() == null) {
                return new Span();
            }
            if (a.doneAt() != null) {
                return Badges.of(getTranslation("review.action.done") + " " + Formats.dateTime(a.doneAt(),
                        clock.getZone()), "badge success");
            }
            Button done = new Button(getTranslation("review.action.complete"),
                    e -> act(() -> reviews.completeAction(a.id(), a.version()), "review.action.completed"));
            done.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return done;
        }).setAutoWidth(true);
        actions.setItems(review.actions());
        actions.setAllRowsVisible(true);
        if (editable) {
            layout.add(new Button(getTranslation("review.action.add"), VaadinIcon.PLUS.create(), e -> openAction()));
        }
        layout.add(actions);
        return layout;
    }

    void openAction() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.action.add"));
        TextArea description = new TextArea(getTranslation("review.action"));
        description.setMaxLength(2000);
        ComboBox<Membership> owner = new ComboBox<>(getTranslation("review.action.owner"));
        owner.setItems(users.peopleOf(review.unitId()));
        owner.setItemLabelGenerator(Membership::fullName);
        DatePicker due = new DatePicker(getTranslation("review.action.due"));
        DatePickers.localise(due);
        due.setMin(LocalDate.now(clock));
        FormLayout form = new FormLayout(description, owner, due);
        form.setColspan(description, 2);
        dialog.add(form);
        FieldErrors errors = new FieldErrors().on("error.review.actionRequired", description)
                .on("error.tooLong", description).on("error.review.duePast", due);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> {
            boolean complete = errors.require(description, "error.textRequired")
                    & errors.require(owner, "error.nc.ownerRequired") & errors.require(due, "error.dateRequired");
            if (!complete) {
                throw new FieldErrors.Marked();
            }
            reviews.addAction(review.id(), description.getValue(), owner.getValue().userId(), due.getValue());
        }, getTranslation("review.action.added"), this::render, errors);
        dialog.open();
    }

    private void confirmClose() {
        Dialogs.confirmDestructive(getTranslation("review.close"), getTranslation("review.close.confirm"),
                getTranslation("review.close"), () -> formAct(() -> {
                    // What the head just ticked counts: store the screen first, then close.
                    ManagementReview saved = record();
                    reviews.close(saved.id(), saved.version());
                }, "review.closedDone"));
    }

    private void act(Runnable action, String successKey) {
        Notifications.attempt(action, successKey);
        render();
    }

    @Override
    public String titleKey() {
        return "nav.reviews";
    }
}
