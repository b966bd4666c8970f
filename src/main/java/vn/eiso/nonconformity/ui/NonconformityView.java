package vn.eiso.nonconformity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.Allowed;
import vn.eiso.base.ui.ActionBar;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.base.ui.RecordPage;
import vn.eiso.nonconformity.NcAction;
import java.util.Set;
import vn.eiso.base.FileLimits;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.signature.SignatureBadge;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.CorrectiveAction;
import vn.eiso.nonconformity.NcEvent;
import vn.eiso.nonconformity.NcFile;
import vn.eiso.nonconformity.NcState;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.Nonconformity.Status;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.nonconformity.NonconformityWorkflow;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;

/**
 * One nonconformity through its closed loop: triage, correction and root cause, corrective actions with evidence,
 * the effectiveness review, the document change it led to, its files, similar cases and its whole history.
 */
@Route("nonconformity")
@PermitAll
class NonconformityView extends RecordPage implements HasUrlParameter<Long>, TitledView {

    private final Nonconformities register;
    private final NonconformityWorkflow workflow;
    private final UserService users;
    private final DocumentRegister documents;
    private final RevisionWorkflow revisions;
    private final ZoneId zone;
    private final Clock clock;
    private Nonconformity nc;
    private Allowed<NcAction> allowed;
    /** What {@link #setParameter} read, for the first render; each later render reads afresh. */
    private NcState opened;
    final TextArea correction = new TextArea();
    final TextArea rootCause = new TextArea();
    final Select<Nonconformity.CauseCategory> category = new Select<>();
    final Grid<CorrectiveAction> actions = new Grid<>();
    private final FileLimits limits;
    private final AccessGuard guard;

    NonconformityView(Nonconformities register, NonconformityWorkflow workflow, UserService users,
            DocumentRegister documents, RevisionWorkflow revisions, FileLimits limits, AccessGuard guard,
            Clock clock) {
        this.limits = limits;
        this.guard = guard;
        this.register = register;
        this.workflow = workflow;
        this.users = users;
        this.documents = documents;
        this.revisions = revisions;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            opened = workflow.state(new NonconformityId(id));
        } catch (DomainException | AccessDeniedException e) {
            removeAll();
            add(new H2(getTranslation("error.nc.notFound")));
            return;
        }
        render();
    }

    @Override
    protected void compose(Parts page) {
        NcState state = opened != null ? opened : workflow.state(nc.id());
        opened = null;
        nc = state.nc();
        allowed = state.allowed();
        boolean manager = allowed.offered(NcAction.LINK_REVISION);
        LocalDate today = LocalDate.now(clock);
        page.back("nonconformities", getTranslation("nav.nonconformities"))
                .title(nc.id().label() + " · " + getTranslation("ncSource." + nc.source()))
                .facts(NcBadges.status(nc.status()), NcBadges.severity(nc))
                .fact("nc.unit", nc.unitName())
                .fact("nc.reportedBy", nc.reportedByName() + " · " + Formats.dateTime(nc.reportedAt(), zone))
                .fact("nc.where", (nc.documentCode() == null ? "" : nc.documentCode() + " ")
                        + (nc.clauseCode() == null ? "" : "(" + nc.clauseCode() + ")"))
                .fact("nc.age", getTranslation("nc.days", nc.ageInDays(today, zone)));
        if (nc.reopened() > 0) {
            page.facts(Badges.of(getTranslation("nc.reopenedTimes", nc.reopened()), "badge error"));
        }
        if (nc.auditId() != null) {
            page.facts(new Anchor("audit/" + nc.auditId(), getTranslation("nc.fromAudit")));
        }
        page.status(state.next());
        actionBar(page.actions());
        page.lead(new Paragraph(nc.description()));
        if (nc.closedReason() != null) {
            page.section(new Paragraph(getTranslation("nc.dismiss.reason") + ": " + nc.closedReason()));
        } else if (nc.status() != Status.REPORTED) {
            // The loop's sections from triage on; a fresh report shows what was reported and who may take it up.
            page.section(analysis(), actionsSection(state, today), verification(manager, today), outcome(manager));
        }
        page.section(filesSection(), similar(), history());
    }

    private void actionBar(ActionBar bar) {
        Button accept = bar.primary(getTranslation("nc.accept"), VaadinIcon.CHECK, allowed.verdict(NcAction.ACCEPT),
                this::openAccept);
        if (accept != null) {
            accept.setId("nc-accept");
        }
        Button plan = bar.primary(getTranslation("nc.plan"), VaadinIcon.FLAG_CHECKERED,
                allowed.verdict(NcAction.PLAN), () -> act(() -> workflow.planActions(nc.id(), nc.version()),
                        "nc.planned"));
        if (plan != null) {
            plan.setId("nc-plan");
        }
        // The risk register is its editors' (as its service rules): to anybody else the link would be a dead end.
        if (nc.status().isOpen() && guard.caller().canEdit(nc.unitId())) {
            Anchor risks = new Anchor("risks", getTranslation("nc.updateRisk"));
            risks.setId("nc-update-risk");
            bar.addExtra(risks);
        }
        Button dismiss = bar.destructive(getTranslation("nc.dismiss"), VaadinIcon.CLOSE,
                allowed.verdict(NcAction.DISMISS), this::openDismiss);
        if (dismiss != null) {
            dismiss.setId("nc-dismiss");
        }
    }

    private void openAccept() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("nc.accept"));
        Select<Nonconformity.Severity> severity = new Select<>();
        severity.setId("nc-severity");
        severity.setLabel(getTranslation("nc.severity"));
        severity.setItems(Nonconformity.Severity.values());
        severity.setItemLabelGenerator(s -> getTranslation("ncSeverity." + s));
        severity.setValue(nc.severity());
        ComboBox<String> clause = new ComboBox<>(getTranslation("nc.clause"));
        clause.setItems(workflow.clauses());
        clause.setValue(nc.clauseCode());
        ComboBox<DocumentSummary> document = new ComboBox<>(getTranslation("nc.procedure"));
        List<DocumentSummary> unitDocuments = documents.list(DocumentFilter.of(nc.unitId()), DocumentSort.CODE, true,
                0, 1000);
        document.setItems(unitDocuments);
        document.setItemLabelGenerator(d -> d.code() + " · " + d.title());
        unitDocuments.stream().filter(d -> Long.valueOf(d.id().value()).equals(nc.documentId())).findFirst()
                .ifPresent(document::setValue);
        dialog.add(new FormLayout(severity, clause, document));
        FieldErrors errors = new FieldErrors().on("error.nc.severityRequired", severity)
                .on("error.nc.findingSeverity", severity).on("error.audit.clauseUnknown", clause)
                .on("error.nc.documentForeign", document);
        Dialogs.footer(dialog, getTranslation("nc.accept"), () -> workflow.accept(nc.id(), nc.version(),
                severity.getValue(), clause.getValue(), document.getValue() == null ? null : document.getValue().id()),
                getTranslation("nc.accepted"), this::render, errors).setId("nc-accept-confirm");
        dialog.open();
    }

    private void openDismiss() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("nc.dismiss"));
        TextArea reason = new TextArea(getTranslation("nc.dismiss.reason"));
        reason.setWidthFull();
        dialog.add(reason);
        reason.setId("nc-dismiss-reason");
        Dialogs.footer(dialog, getTranslation("nc.dismiss"), () -> workflow.dismiss(nc.id(), nc.version(),
                reason.getValue()), getTranslation("nc.dismissed"), this::render,
                new FieldErrors().on("error.nc.reasonRequired", reason).on("error.tooLong", reason))
                .setId("nc-dismiss-confirm");
        dialog.open();
    }

    private Component analysis() {
        VerticalLayout section = section("nc.analysis");
        boolean editable = allowed.may(NcAction.ANALYSE);
        correction.setId("nc-correction");
        correction.setLabel(getTranslation("nc.correction"));
        correction.setHelperText(getTranslation("nc.correction.help"));
        correction.setValue(nc.correction() == null ? "" : nc.correction());
        rootCause.setId("nc-root-cause");
        rootCause.setLabel(getTranslation("nc.rootCause"));
        rootCause.setHelperText(getTranslation("nc.rootCause.help"));
        rootCause.setValue(nc.rootCause() == null ? "" : nc.rootCause());
        category.setLabel(getTranslation("nc.causeCategory"));
        category.setItems(Nonconformity.CauseCategory.values());
        category.setItemLabelGenerator(c -> c == null ? "" : getTranslation("causeCategory." + c));
        category.setEmptySelectionAllowed(true);
        category.setValue(nc.causeCategory());
        for (var field : List.of(correction, rootCause)) {
            field.setWidthFull();
            field.setReadOnly(!editable);
        }
        category.setReadOnly(!editable);
        section.add(correction, rootCause, category);
        if (editable) {
            FieldErrors errors = new FieldErrors().on("error.nc.rootCauseRequired", rootCause);
            Button save = new Button(getTranslation("nc.analysis.save"), e -> act(() -> workflow.analyse(nc.id(),
                    nc.version(), correction.getValue(), rootCause.getValue(), category.getValue()), "nc.analysed",
                    errors));
            save.setId("nc-analysis-save");
            section.add(errors.formLine(), save);
        }
        return section;
    }

    private Component actionsSection(NcState state, LocalDate today) {
        VerticalLayout section = section("nc.actions");
        actions.removeAllColumns();
        actions.setId("nc-actions");
        actions.addColumn(CorrectiveAction::description).setHeader(getTranslation("nc.action")).setFlexGrow(3);
        actions.addColumn(CorrectiveAction::ownerName).setHeader(getTranslation("review.action.owner"))
                .setAutoWidth(true);
        actions.addComponentColumn(a -> a.isOverdue(today)
                        ? Badges.of(Formats.date(a.dueOn()) + " · " + getTranslation("audits.overdue"),
                        "badge error primary")
                        : new Span(Formats.date(a.dueOn())))
                .setHeader(getTranslation("review.action.due")).setAutoWidth(true);
        actions.addColumn(a -> a.round() + 1).setHeader(getTranslation("nc.round")).setAutoWidth(true);
        Set<Long> completable = state.completable();
        actions.addComponentColumn(a -> {
            if (a.isDone()) {
                return new Span(getTranslation("review.action.done") + " " + Formats.dateTime(a.doneAt(), zone)
                        + ": " + a.evidence());
            }
            if (!completable.contains(a.id())) {
                return new Span();
            }
            Button done = new Button(getTranslation("review.action.complete"), e -> openComplete(a));
            done.setId("nc-action-done-" + a.id());
            done.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return done;
        }).setHeader(getTranslation("nc.action.status")).setFlexGrow(2);
        actions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        actions.setItems(state.actions());
        actions.setAllRowsVisible(true);
        section.add(actions);
        if (allowed.may(NcAction.ADD_ACTION)) {
            Button add = new Button(getTranslation("review.action.add"), VaadinIcon.PLUS.create(), e -> openAction());
            add.setId("nc-action-add");
            section.add(add);
        }
        return section;
    }

    private void openAction() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.action.add"));
        TextArea description = new TextArea(getTranslation("nc.action"));
        description.setId("nc-action-text");
        description.setMaxLength(2000);
        ComboBox<Membership> owner = new ComboBox<>(getTranslation("review.action.owner"));
        owner.setId("nc-action-owner");
        owner.setItems(users.peopleOf(nc.unitId()));
        owner.setItemLabelGenerator(Membership::fullName);
        DatePicker due = new DatePicker(getTranslation("review.action.due"));
        due.setId("nc-action-due");
        DatePickers.localise(due);
        due.setMin(LocalDate.now(clock));
        due.setValue(LocalDate.now(clock).plusDays(14));
        FormLayout form = new FormLayout(description, owner, due);
        form.setColspan(description, 2);
        dialog.add(form);
        FieldErrors errors = new FieldErrors().on("error.nc.actionRequired", description)
                .on("error.tooLong", description).on("error.nc.duePast", due)
                .on("error.nc.verifierOwnsAction", owner);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> {
            // The fields left empty are marked on the field, all at once, before the service is asked.
            boolean complete = errors.require(description, "error.nc.actionRequired")
                    & errors.require(owner, "error.nc.ownerRequired") & errors.require(due, "error.dateRequired");
            if (!complete) {
                throw new FieldErrors.Marked();
            }
            workflow.addAction(nc.id(), description.getValue(), owner.getValue().userId(), due.getValue());
        }, getTranslation("review.action.added"), this::render, errors).setId("nc-action-save");
        dialog.open();
    }

    private void openComplete(CorrectiveAction action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.action.complete"));
        TextArea evidence = new TextArea(getTranslation("nc.action.evidence"));
        evidence.setId("nc-action-evidence");
        evidence.setWidthFull();
        dialog.add(new Paragraph(action.description()), evidence);
        Dialogs.footer(dialog, getTranslation("review.action.complete"), () -> workflow.completeAction(action.id(),
                action.version(), evidence.getValue()), getTranslation("review.action.completed"), this::render,
                new FieldErrors().on("error.nc.evidenceRequired", evidence).on("error.tooLong", evidence))
                .setId("nc-action-done-confirm");
        dialog.open();
    }

    private Component verification(boolean manager, LocalDate today) {
        VerticalLayout section = section("nc.verification");
        section.add(new Paragraph(getTranslation("nc.verification.help")));
        if (nc.verifyDueOn() != null) {
            section.add(new Span(getTranslation("nc.verifyDueOn") + ": " + Formats.date(nc.verifyDueOn())
                    + (nc.verifyDueOn().isBefore(today) ? " · " + getTranslation("audits.overdue") : "")));
        }
        section.add(new Span(getTranslation("nc.verifier") + ": "
                + (nc.verifierName() == null ? "—" : nc.verifierName())));
        if (nc.verificationNote() != null) {
            section.add(new Paragraph(getTranslation("nc.verification.note") + ": " + nc.verificationNote()));
        }
        if (allowed.may(NcAction.ASSIGN_VERIFIER)) {
            ComboBox<Membership> verifier = new ComboBox<>(getTranslation("nc.verifier"));
            verifier.setId("nc-verifier");
            verifier.setItems(users.peopleOf(nc.unitId()));
            verifier.setItemLabelGenerator(Membership::fullName);
            FieldErrors errors = new FieldErrors().on("error.nc.verifierRequired", verifier)
                    .on("error.nc.verifierOwnsAction", verifier).on("error.owner.notMember", verifier);
            Button assign = new Button(getTranslation("nc.verifier.assign"), e -> act(() -> workflow.assignVerifier(
                    nc.id(), nc.version(), verifier.getValue() == null ? null : verifier.getValue().userId()),
                    "nc.verifier.assigned", errors));
            assign.setId("nc-verifier-assign");
            HorizontalLayout row = new HorizontalLayout(verifier, assign);
            row.setAlignItems(Alignment.BASELINE);
            section.add(row, errors.formLine());
        }
        if (allowed.offered(NcAction.VERIFY)) {
            RadioButtonGroup<Boolean> effective = new RadioButtonGroup<>(getTranslation("nc.effective"));
            effective.setId("nc-effective");
            effective.setItems(true, false);
            effective.setItemLabelGenerator(b -> getTranslation(b ? "nc.effective.yes" : "nc.effective.no"));
            TextArea note = new TextArea(getTranslation("nc.verification.note"));
            note.setId("nc-verification-note");
            note.setWidthFull();
            FieldErrors errors = new FieldErrors().on("error.nc.effectivenessRequired", effective)
                    .on("error.nc.verificationNoteRequired", note).on("error.tooLong", note);
            Button verify = new Button(getTranslation("nc.verify"), VaadinIcon.CHECK_CIRCLE.create(), e -> act(
                    () -> workflow.verify(nc.id(), nc.version(), effective.getValue(), note.getValue()),
                    "nc.verified", errors));
            verify.setId("nc-verify");
            allowed.reason(NcAction.VERIFY).ifPresent(reason -> {
                verify.setEnabled(false);
                verify.setTooltipText(getTranslation(reason));
            });
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(effective, note, errors.formLine(), verify);
        }
        return section;
    }

    private Component outcome(boolean manager) {
        VerticalLayout section = section("nc.outcome");
        if (nc.revisionId() != null) {
            section.add(new Anchor("revision/" + nc.revisionId(), getTranslation("nc.outcome.revision")));
        }
        if (nc.changeRequestId() != null) {
            section.add(new Span(getTranslation("nc.outcome.changeRequest", nc.changeRequestId())));
        }
        if (manager) {
            ComboBox<DocumentSummary> document = new ComboBox<>(getTranslation("nc.outcome.document"));
            document.setId("nc-outcome-document");
            // Fetched as the user opens or types into the box, not on every render of the page.
            UnitId unit = nc.unitId();
            document.setItems(query -> documents.list(new DocumentFilter(unit, query.getFilter().orElse(null), null,
                    null, null, false), DocumentSort.CODE, true, query.getOffset(), query.getLimit()).stream());
            document.setItemLabelGenerator(d -> d.code() + " · " + d.title());
            ComboBox<Revision> revision = new ComboBox<>(getTranslation("nc.outcome.revisionNumber"));
            revision.setId("nc-outcome-revision");
            revision.setItemLabelGenerator(r -> getTranslation("revision.number", r.number()) + " · "
                    + getTranslation("revStatus." + r.status()));
            document.addValueChangeListener(e -> revision.setItems(e.getValue() == null ? List.of()
                    : revisions.history(e.getValue().id())));
            Button link = new Button(getTranslation("nc.outcome.link"), e -> act(() -> {
                if (revision.getValue() == null) {
                    throw new DomainException("error.nc.revisionRequired");
                }
                workflow.linkRevision(nc.id(), nc.version(), revision.getValue().id());
            }, "nc.outcome.linked"));
            link.setId("nc-outcome-link");
            HorizontalLayout row = new HorizontalLayout(document, revision, link);
            row.setAlignItems(Alignment.BASELINE);
            row.setWrap(true);
            section.add(row);
        }
        return section;
    }

    private Component filesSection() {
        VerticalLayout section = section("nc.files");
        for (NcFile file : register.files(nc.id())) {
            Div row = new Div(Downloads.file("📎 " + file.fileName(), file.fileName(), file.contentType(),
                    () -> register.fileContent(file.id())));
            SignatureBadge.ofSigned(register.fileSignatures(file.id()), this::getTranslation, zone)
                    .ifPresent(b -> row.add(new Span(" "), Badges.of(b.text(), b.theme(), b.details())));
            section.add(row);
        }
        if (nc.status().isOpen()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            Upload upload = Uploads.limited(limits.maxBytes(), files::put);
            Button attach = new Button(getTranslation("nc.files.attach"), e -> {
                try {
                    register.attachFiles(nc.id(), files);
                    Notifications.success(getTranslation("nc.files.attached"));
                    render();
                } catch (DomainException ex) {
                    files.clear();
                    upload.clearFileList();
                    Notifications.error(ex);
                }
            });
            section.add(upload, attach);
        }
        return section;
    }

    private Component similar() {
        VerticalLayout section = section("nc.similar");
        var hits = register.similar(nc.id());
        if (hits.isEmpty()) {
            section.add(new Span(getTranslation("nc.similar.none")));
        }
        hits.forEach(h -> section.add(new Anchor(h.route(), h.code() + " · " + h.unitName() + " · " + h.title())));
        return section;
    }

    private Component history() {
        VerticalLayout section = section("nc.history");
        Grid<NcEvent> events = new Grid<>();
        events.addColumn(e -> Formats.dateTime(e.at(), zone)).setHeader(getTranslation("nc.history.at"))
                .setAutoWidth(true);
        events.addColumn(NcEvent::actorName).setHeader(getTranslation("nc.history.actor")).setAutoWidth(true);
        events.addColumn(e -> (e.from() == null ? "" : getTranslation("ncStatus." + e.from()) + " → ")
                + getTranslation("ncStatus." + e.to())).setHeader(getTranslation("nc.history.move")).setAutoWidth(true);
        events.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("nc.history.note"))
                .setFlexGrow(3);
        events.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        events.setItems(register.history(nc.id()));
        events.setAllRowsVisible(true);
        section.add(events);
        return section;
    }

    private VerticalLayout section(String titleKey) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(titleKey)));
        section.setPadding(false);
        section.addClassName("nc-section");
        return section;
    }

    private void act(Runnable action, String successKey) {
        Notifications.attempt(action, successKey);
        render();
    }

    /**
     * A step of the loop typed into the page: a refusal shows on its field (or the section's error line) and the
     * page keeps what was typed; only a success renders the page anew.
     */
    private void act(Runnable action, String successKey, FieldErrors errors) {
        errors.clear();
        try {
            action.run();
        } catch (DomainException e) {
            errors.show(e);
            return;
        } catch (AccessDeniedException e) {
            errors.show(e);
            return;
        }
        Notifications.success(getTranslation(successKey));
        render();
    }

    @Override
    public String getPageTitle() {
        return nc == null ? TitledView.super.getPageTitle() : nc.id().label() + " · eISO";
    }

    @Override
    public String titleKey() {
        return "nav.nonconformities";
    }
}
