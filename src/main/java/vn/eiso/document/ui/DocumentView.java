package vn.eiso.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.eiso.base.Allowed;
import vn.eiso.base.ui.ActionBar;
import vn.eiso.base.ui.DiffDialog;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.base.ui.RecordPage;
import vn.eiso.document.DocumentAction;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.UserId;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.Acknowledgement;
import vn.eiso.document.Attachment;
import vn.eiso.document.ChangeRequest;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.catalogue.TthcCode;
import vn.eiso.document.ChangeRequests;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ExternalStatus;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionStatus;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.document.SignOff;
import vn.eiso.organisation.UserService;

/**
 * One document: its entry, the revision in force, the draft being worked on, history, requests and readers. The
 * status line says what comes next and who does it; the action bar offers only what the caller may do now (asked
 * of the workflow, which checks the same rules when the action is taken).
 */
@Route("document")
@PermitAll
class DocumentView extends RecordPage implements HasUrlParameter<Long>, TitledView {

    private final DocumentRegister register;
    private final RevisionWorkflow workflow;
    private final ChangeRequests changeRequests;
    private final UserService users;
    private final ZoneId zone;
    private Document document;
    private final AccessGuard guard;
    private final TthcCatalogue catalogue;
    private Allowed<DocumentAction> allowed;
    /** What {@link #setParameter} read, for the first render; each later render reads afresh. */
    private Allowed<DocumentAction> opened;
    private Revision open;
    private boolean editor;
    private final Clock clock;
    final TextArea draftText = new TextArea();
    final TextField draftSummary = new TextField();
    final FieldErrors draftErrors = new FieldErrors()
            .on("error.revision.summaryRequired", draftSummary)
            .on("error.revision.empty", draftText)
            .on("error.revision.textTooLong", draftText);
    final Grid<Revision> history = new Grid<>();

    DocumentView(DocumentRegister register, RevisionWorkflow workflow, ChangeRequests changeRequests,
            UserService users, TthcCatalogue catalogue, AccessGuard guard, Clock clock) {
        this.catalogue = catalogue;
        this.guard = guard;
        this.register = register;
        this.workflow = workflow;
        this.changeRequests = changeRequests;
        this.users = users;
        this.clock = clock;
        this.zone = clock.getZone();
        // Once, not per render: a listener added in render() would fire once more after every action.
        history.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RevisionView.class,
                e.getItem().id().value())));
    }

    /** The province's today, not the server's: the server may run on UTC, seven hours behind. */
    /** The cited TTHC by code and name, as the catalogue names them; a code it lacks as written. */
    private String procedures(String codes) {
        List<String> named = TthcCode.listed(codes).stream()
                .map(c -> catalogue.byCode(c).map(t -> t.code() + " · " + t.name()).orElse(c)).toList();
        return named.isEmpty() ? null : String.join("; ", named);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            document = register.get(new DocumentId(id));
        } catch (DomainException | AccessDeniedException e) {
            removeAll();
            add(new H2(getTranslation("error.document.notFound")));
            return;
        }
        // Land where the work is: a new document's draft, or a revision waiting for this user's sign-off.
        opened = workflow.allowedActions(document.id());
        if (opened.offered(DocumentAction.EDIT_ENTRY) && (document.effectiveRevisionId() == null
                || opened.may(DocumentAction.REVIEW) || opened.may(DocumentAction.APPROVE))) {
            landOn("draft");
        }
        render();
    }

    @Override
    protected void compose(Parts page) {
        if (opened != null) {
            allowed = opened;
            opened = null;
        } else {
            document = register.get(document.id());
            allowed = workflow.allowedActions(document.id());
        }
        editor = allowed.offered(DocumentAction.EDIT_ENTRY);
        open = editor ? workflow.history(document.id()).stream()
                .filter(r -> !r.status().isFrozen() || r.status() == RevisionStatus.APPROVED).findFirst()
                .orElse(null) : null;
        page.back("documents", getTranslation("nav.documents"))
                .title(document.code() + " · " + document.title())
                .facts(DocumentBadges.status(document.status()))
                .fact("document.type", getTranslation("docType." + document.type()))
                .fact("document.owner", document.ownerName())
                .fact("document.nextReview", DocumentBadges.date(document.nextReviewOn()))
                .fact("document.tthc", procedures(document.tthcCodes()))
                .fact("document.clauses", document.isoClauses());
        if (document.type() == DocumentType.EXTERNAL) {
            page.fact("document.issuer", document.issuer())
                    .fact("document.externalNumber", document.externalNumber())
                    .fact("document.issuedOn", DocumentBadges.date(document.issuedOn()))
                    .fact("document.validUntil", DocumentBadges.date(document.validUntil()))
                    .fact("document.externalStatus", document.externalStatus() == null ? null
                            : getTranslation("extStatus." + document.externalStatus()));
        }
        page.status(workflow.nextStep(document.id()));
        if (document.reviewFlag() != null) {
            page.banner(getTranslation("documents.reviewFlagged", document.reviewFlag()));
        }
        actions(page.actions());
        page.lazyTab("current", "document.tab.current", this::currentTab);
        if (editor) {
            // Built now: submitting from the action bar saves what its fields hold.
            page.tab("draft", "document.tab.draft", draftTab());
        }
        page.lazyTab("history", "document.tab.history", this::historyTab);
        page.lazyTab("requests", "document.tab.requests", this::requestsTab);
        if (editor && document.effectiveRevisionId() != null) {
            page.lazyTab("readers", "document.tab.readers", this::readersTab);
        }
    }

    /** The next step first (primary), then the rest; what cannot be undone apart at the end, with a confirmation. */
    private void actions(ActionBar bar) {
        if (open != null && open.status() == RevisionStatus.DRAFT) {
            Button submit = bar.primary(getTranslation("draft.submit"), VaadinIcon.PAPERPLANE,
                    allowed.verdict(DocumentAction.SUBMIT), () -> submit(open));
            if (submit != null) {
                submit.setId("draft-submit");
            }
        }
        if (open != null && open.status() == RevisionStatus.IN_REVIEW) {
            boolean reviewFirst = allowed.may(DocumentAction.REVIEW) || !allowed.may(DocumentAction.APPROVE);
            Revision draft = open;
            Runnable review = () -> new SignDialog("signoff.review", getTranslation("signoff.review.text"), Map.of(),
                    today(), (pw, comment, day, readers) -> workflow.review(draft.id(), pw, comment),
                    r -> getTranslation("signoff.reviewed"), this::render).open();
            Runnable approve = () -> new SignDialog("signoff.approve", getTranslation("signoff.approve.text"),
                    members(), today(), (pw, comment, day, readers) -> workflow.approve(draft.id(),
                            workflow.get(draft.id()).version(), pw, day, readers),
                    r -> getTranslation("signoff.approved", Formats.date(r.effectiveOn())), () -> {
                        landOn(document.effectiveRevisionId() == null && workflow.get(draft.id()).status()
                                == RevisionStatus.APPROVED ? "draft" : "current");
                        render();
                    }).open();
            Button r = reviewFirst
                    ? bar.primary(getTranslation("signoff.review"), VaadinIcon.EYE,
                            allowed.verdict(DocumentAction.REVIEW), review)
                    : bar.secondary(getTranslation("signoff.review"), VaadinIcon.EYE,
                            allowed.verdict(DocumentAction.REVIEW), review);
            Button a = reviewFirst
                    ? bar.secondary(getTranslation("signoff.approve"), VaadinIcon.CHECK_CIRCLE,
                            allowed.verdict(DocumentAction.APPROVE), approve)
                    : bar.primary(getTranslation("signoff.approve"), VaadinIcon.CHECK_CIRCLE,
                            allowed.verdict(DocumentAction.APPROVE), approve);
            Button back = bar.secondary(getTranslation("signoff.reject"), VaadinIcon.ARROW_BACKWARD,
                    allowed.verdict(DocumentAction.REJECT), () -> new TextDialog("signoff.reject", "signoff.comment",
                            "signoff.reject", comment -> workflow.reject(draft.id(),
                                    workflow.get(draft.id()).version(), comment), () -> {
                                landOn("draft");
                                render();
                            }).open());
            if (r != null) {
                r.setId("review-button");
            }
            if (a != null) {
                a.setId("approve-button");
            }
            if (back != null) {
                back.setId("reject-button");
            }
        }
        if (allowed.offered(DocumentAction.START_DRAFT)) {
            Runnable start = () -> {
                landOn("draft");
                act(() -> workflow.startRevision(document.id(), null), "draft.started");
            };
            Button b = document.effectiveRevisionId() == null
                    ? bar.primary(getTranslation("draft.start"), VaadinIcon.PLUS,
                            allowed.verdict(DocumentAction.START_DRAFT), start)
                    : bar.secondary(getTranslation("draft.start"), VaadinIcon.PLUS,
                            allowed.verdict(DocumentAction.START_DRAFT), start);
            b.setId("draft-start");
        }
        bar.secondary(getTranslation("common.edit"), VaadinIcon.EDIT, allowed.verdict(DocumentAction.EDIT_ENTRY),
                () -> new DocumentDialog(register, users, catalogue, document.unitId(), document,
                        d -> render()).open());
        bar.secondary(getTranslation("document.confirmReviewed"), VaadinIcon.CHECK,
                allowed.verdict(DocumentAction.CONFIRM_REVIEWED),
                () -> act(() -> register.confirmReviewed(document.id()), "document.reviewedDone"));
        if (allowed.offered(DocumentAction.EXTERNAL_STATUS)) {
            Select<ExternalStatus> external = new Select<>();
            external.setItems(ExternalStatus.values());
            external.setItemLabelGenerator(s -> getTranslation("extStatus." + s));
            external.setValue(document.externalStatus());
            external.setAriaLabel(getTranslation("document.externalStatus"));
            external.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> register.changeExternalStatus(document.id(), document.version(), e.getValue()),
                            "document.externalStatusChanged");
                }
            });
            bar.addExtra(external);
        }
        if (open != null && open.status() == RevisionStatus.DRAFT) {
            Revision draft = open;
            Button delete = bar.destructive(getTranslation("draft.delete"), VaadinIcon.TRASH,
                    allowed.verdict(DocumentAction.DELETE_DRAFT), () -> Dialogs.confirmDestructive(
                            getTranslation("draft.delete"), getTranslation("draft.delete.confirm"),
                            getTranslation("common.delete"), () -> act(() -> workflow.deleteDraft(draft.id()),
                                    "draft.deleted")));
            if (delete != null) {
                delete.setId("draft-delete");
            }
        }
        Button withdraw = bar.destructive(getTranslation("document.withdraw"), VaadinIcon.BAN,
                allowed.verdict(DocumentAction.WITHDRAW), () -> new TextDialog("document.withdraw",
                        "document.withdraw.reason", "document.withdraw",
                        reason -> workflow.withdraw(document.id(), reason), this::render).open());
        if (withdraw != null) {
            withdraw.setId("document-withdraw");
        }
    }

    /** Saves what is on screen if it changed, then submits; a refusal shows on the field that needs fixing. */
    private void submit(Revision draft) {
        draftErrors.clear();
        landOn("draft");
        try {
            Revision current = draft;
            if (!draftText.getValue().equals(draft.text() == null ? "" : draft.text())
                    || !draftSummary.getValue().equals(draft.changeSummary() == null ? "" : draft.changeSummary())) {
                current = workflow.editDraft(draft.id(), draft.version(), draftText.getValue(),
                        draftSummary.getValue());
            }
            workflow.submit(current.id(), current.version());
            Notifications.success(getTranslation("draft.submitted"));
            render();
        } catch (DomainException e) {
            String text = draftText.getValue();
            String summary = draftSummary.getValue();
            render();
            // What the user typed stays on screen with the reason on its field.
            draftText.setValue(text);
            draftSummary.setValue(summary);
            draftErrors.show(e);
        }
    }

    private Component currentTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        if (document.effectiveRevisionId() == null) {
            tab.add(new Paragraph(getTranslation(editor ? "document.noEffective.editor" : "document.noEffective")));
            return tab;
        }
        Revision current = workflow.get(document.effectiveRevisionId());
        // The content first; the confirmation of having read it comes after it.
        tab.add(new RevisionContent(current, workflow.attachments(current.id()), zone,
                RevisionContent.showsHash(guard.caller(), document.unitId()), workflow::signatures));
        if (allowed.may(DocumentAction.ACKNOWLEDGE)) {
            Button ack = new Button(getTranslation("revision.acknowledge"), VaadinIcon.CHECK_SQUARE_O.create(),
                    e -> act(() -> workflow.acknowledge(current.id()), "revision.acknowledged"));
            ack.setId("acknowledge-button");
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div reading = new Div(new Span(getTranslation("revision.pleaseRead") + " "), ack);
            reading.addClassName("read-confirmation");
            tab.add(reading);
        } else {
            workflow.myAcknowledgement(current.id()).ifPresent(at -> {
                Span done = new Span(getTranslation("revision.acknowledgedAt", Formats.dateTime(at, zone)));
                done.setId("acknowledged-at");
                done.addClassName("read-confirmation");
                tab.add(done);
            });
        }
        Button request = new Button(getTranslation("changeRequest.new"), VaadinIcon.COMMENT_ELLIPSIS_O.create(),
                e -> new TextDialog("changeRequest.new", "changeRequest.text", "changeRequest.send",
                        text -> changeRequests.request(document.id(), text), () -> {
                            Notifications.success(getTranslation("changeRequest.sent"));
                            render();
                        }).open());
        tab.add(request);
        return tab;
    }

    private Component draftTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        if (open == null) {
            tab.add(new Paragraph(getTranslation(allowed.offered(DocumentAction.START_DRAFT) ? "draft.none.start"
                    : "draft.none")));
            return tab;
        }
        Revision draft = open;
        List<Attachment> files = workflow.attachments(draft.id());
        if (draft.status() == RevisionStatus.DRAFT) {
            tab.add(new Div(DocumentBadges.status(draft.status()),
                    new Span(" " + getTranslation("revision.number", draft.number()))));
            workflow.signOffs(draft.id()).stream().filter(s -> s.kind() == SignOff.Kind.REJECTED)
                    .reduce((a, b) -> b).ifPresent(s -> {
                        Div rejected = new Div(new Span(getTranslation("draft.rejected", s.userName(), s.comment())));
                        rejected.addClassName("outdated-banner");
                        tab.add(rejected);
                    });
            draftErrors.clear();
            draftSummary.setId("draft-summary");
            draftText.setId("draft-text");
            draftSummary.setLabel(getTranslation("revision.summary"));
            draftSummary.setRequiredIndicatorVisible(true);
            draftSummary.setWidthFull();
            draftSummary.setMaxLength(2000);
            draftSummary.setValue(draft.changeSummary() == null ? "" : draft.changeSummary());
            draftText.setLabel(getTranslation("revision.text"));
            draftText.setWidthFull();
            draftText.setMinHeight("16rem");
            draftText.setValue(draft.text() == null ? "" : draft.text());
            Button save = new Button(getTranslation("common.save"), VaadinIcon.DISC.create(), e -> {
                draftErrors.clear();
                try {
                    workflow.editDraft(draft.id(), draft.version(), draftText.getValue(), draftSummary.getValue());
                    Notifications.success(getTranslation("draft.saved"));
                    render();
                } catch (DomainException ex) {
                    draftErrors.show(ex);
                }
            });
            Upload upload = Uploads.single(workflow.maxFileBytes(),
                    (name, bytes) -> act(() -> workflow.attach(draft.id(), name, bytes), "draft.fileAdded"));
            upload.setId("draft-upload");
            save.setId("draft-save");
            upload.setDropAllowed(true);
            tab.add(draftSummary, draftText, draftErrors.formLine(), save, fileList(files, true), upload);
        } else {
            tab.add(new RevisionContent(draft, files, zone,
                    RevisionContent.showsHash(guard.caller(), document.unitId()), workflow::signatures));
            if (draft.status() == RevisionStatus.APPROVED) {
                tab.add(new Paragraph(getTranslation("draft.approvedWaiting",
                        DocumentBadges.date(draft.effectiveOn()))));
            }
        }
        List<SignOff> signOffs = workflow.signOffs(draft.id());
        if (!signOffs.isEmpty()) {
            tab.add(new H4(getTranslation("signoff.title")));
            Grid<SignOff> grid = new Grid<>();
            grid.addColumn(s -> getTranslation("signoffKind." + s.kind())).setHeader(getTranslation("signoff.kind"))
                    .setAutoWidth(true);
            grid.addColumn(SignOff::userName).setHeader(getTranslation("signoff.user")).setAutoWidth(true);
            grid.addColumn(s -> Formats.dateTime(s.at(), zone)).setHeader(getTranslation("audit.time")).setAutoWidth(true);
            grid.addColumn(s -> s.comment() == null ? "" : s.comment()).setHeader(getTranslation("signoff.comment"));
            grid.addColumn(s -> s.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
            grid.setItems(signOffs);
            grid.setAllRowsVisible(true);
            tab.add(grid);
        }
        return tab;
    }

    private Component fileList(List<Attachment> files, boolean removable) {
        Div list = new Div();
        list.addClassName("file-list");
        for (Attachment a : files) {
            Div row = FileLinks.row(a, workflow.signatures(a.id()), this::getTranslation, zone);
            if (removable) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(),
                        e -> act(() -> workflow.removeAttachment(a.id()), "draft.fileRemoved"));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("draft.removeFile", a.fileName()));
                row.add(remove);
            }
            list.add(row);
        }
        return list;
    }

    private Component historyTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        history.removeAllColumns();
        history.addColumn(Revision::number).setHeader(getTranslation("revision.numberShort")).setAutoWidth(true)
                .setFlexGrow(0);
        history.addComponentColumn(r -> DocumentBadges.status(r.status())).setHeader(getTranslation("document.status"))
                .setAutoWidth(true);
        history.addColumn(r -> r.changeSummary() == null ? "" : r.changeSummary())
                .setHeader(getTranslation("revision.summary")).setFlexGrow(3);
        history.addColumn(Revision::authorName).setHeader(getTranslation("revision.authorShort")).setAutoWidth(true);
        history.addColumn(r -> r.approvedByName() == null ? "" : r.approvedByName())
                .setHeader(getTranslation("revision.approvedBy")).setAutoWidth(true);
        history.addColumn(r -> DocumentBadges.date(r.effectiveOn())).setHeader(getTranslation("revision.effectiveFrom"))
                .setAutoWidth(true);
        history.addColumn(r -> Formats.dateTime(r.endedAt(), zone)).setHeader(getTranslation("revision.endedAt"))
                .setAutoWidth(true);
        history.setSelectionMode(Grid.SelectionMode.MULTI);
        history.setItems(workflow.history(document.id()));
        history.setAllRowsVisible(true);
        Button compare = new Button(getTranslation("revision.compare"), VaadinIcon.SPLIT.create(), e -> {
            List<Revision> chosen = history.getSelectedItems().stream()
                    .sorted(Comparator.comparingInt(Revision::number)).toList();
            if (chosen.size() != 2) {
                Notifications.error(getTranslation("revision.compare.pickTwo"));
                return;
            }
            Revision older = chosen.get(0);
            Revision newer = chosen.get(1);
            new DiffDialog(getTranslation("diff.title", older.number(), newer.number()),
                    getTranslation("diff.revision", older.number()), getTranslation("diff.revision", newer.number()),
                    workflow.diff(older.id(), newer.id())).open();
        });
        compare.setId("history-compare");
        history.setId("history-grid");
        Button open = new Button(getTranslation("revision.open"), VaadinIcon.EYE.create(), e -> {
            if (history.getSelectedItems().size() != 1) {
                Notifications.error(getTranslation("revision.open.pickOne"));
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(RevisionView.class,
                    history.getSelectedItems().iterator().next().id().value()));
        });
        // The search page filters to this document's history by its index key (see the search feature).
        Anchor search = new Anchor("search?history=document:" + document.id().value(),
                getTranslation("revision.history.search"));
        search.setId("history-search");
        HorizontalLayout actions = new HorizontalLayout(open, compare, search);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        tab.add(new Paragraph(getTranslation("revision.history.help")), actions, history);
        return tab;
    }

    private Component requestsTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        Grid<ChangeRequest> grid = new Grid<>();
        grid.addColumn(r -> Formats.dateTime(r.requestedAt(), zone)).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(ChangeRequest::requestedByName).setHeader(getTranslation("changeRequest.by")).setAutoWidth(true);
        grid.addColumn(ChangeRequest::text).setHeader(getTranslation("changeRequest.text")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation("crStatus." + r.status())
                + (r.reason() == null ? "" : ": " + r.reason())).setHeader(getTranslation("document.status"))
                .setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(r -> {
                if (r.status() != ChangeRequest.Status.OPEN) {
                    return new Span();
                }
                Button accept = new Button(getTranslation("changeRequest.accept"),
                        e -> act(() -> changeRequests.accept(r.id(), r.version()), "changeRequest.accepted"));
                Button decline = new Button(getTranslation("changeRequest.decline"),
                        e -> new TextDialog("changeRequest.decline", "changeRequest.reason", "changeRequest.decline",
                                reason -> changeRequests.decline(r.id(), r.version(), reason), this::render).open());
                return new HorizontalLayout(accept, decline);
            }).setAutoWidth(true);
        }
        grid.setItems(changeRequests.ofDocument(document.id()));
        grid.setAllRowsVisible(true);
        grid.setId("change-requests");
        tab.add(grid);
        return tab;
    }

    private Component readersTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        List<Acknowledgement> acks = workflow.acknowledgements(document.effectiveRevisionId());
        long done = acks.stream().filter(Acknowledgement::done).count();
        tab.add(new Paragraph(getTranslation("readers.summary", done, acks.size())));
        Grid<Acknowledgement> grid = new Grid<>();
        grid.addColumn(Acknowledgement::userName).setHeader(getTranslation("readers.user"));
        grid.addColumn(a -> a.done() ? Formats.dateTime(a.acknowledgedAt(), zone) : getTranslation("readers.pending"))
                .setHeader(getTranslation("readers.acknowledgedAt"));
        grid.setItems(acks);
        grid.setAllRowsVisible(true);
        tab.add(grid);
        return tab;
    }

    private Map<UserId, String> members() {
        Map<UserId, String> members = new LinkedHashMap<>();
        users.membersOf(document.unitId()).forEach(m -> members.putIfAbsent(m.userId(), m.fullName()));
        return members;
    }

    private void act(Runnable action, String successKey) {
        Notifications.attempt(action, successKey);
        render();
    }

    @Override
    public String titleKey() {
        return "nav.documents";
    }

    @Override
    public String getPageTitle() {
        return document == null ? TitledView.super.getPageTitle() : document.code() + " · eISO";
    }
}
