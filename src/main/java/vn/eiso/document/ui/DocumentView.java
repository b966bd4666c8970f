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
import com.vaadin.flow.component.tabs.TabSheet;
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
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.eiso.base.ui.DiffDialog;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.Acknowledgement;
import vn.eiso.document.Attachment;
import vn.eiso.document.ChangeRequest;
import vn.eiso.document.ChangeRequests;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ExternalStatus;
import vn.eiso.document.PendingReading;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionStatus;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.document.SignOff;
import vn.eiso.organisation.UserService;

/** One document: its entry, the revision in force, the draft being worked on, history, requests and readers. */
@Route("document")
@PermitAll
class DocumentView extends VerticalLayout implements HasUrlParameter<Long>, TitledView {

    private final DocumentRegister register;
    private final RevisionWorkflow workflow;
    private final ChangeRequests changeRequests;
    private final UserService users;
    private final ZoneId zone;
    private Document document;
    private boolean editor;
    private TabSheet sheet;
    private final Clock clock;
    final TextArea draftText = new TextArea();
    final TextField draftSummary = new TextField();
    final Grid<Revision> history = new Grid<>();

    DocumentView(DocumentRegister register, RevisionWorkflow workflow, ChangeRequests changeRequests,
            UserService users, Clock clock) {
        this.register = register;
        this.workflow = workflow;
        this.changeRequests = changeRequests;
        this.users = users;
        this.clock = clock;
        this.zone = clock.getZone();
        addClassName("document-view");
    }

    /** The province's today, not the server's: the server may run on UTC, seven hours behind. */
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
        render();
    }

    void render() {
        document = register.get(document.id());
        editor = register.canEdit(document.unitId());
        // Actions re-render the view; the user stays on the tab they were working in.
        int selected = sheet == null ? 0 : sheet.getSelectedIndex();
        removeAll();
        add(header());
        sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.add(getTranslation("document.tab.current"), currentTab());
        if (editor) {
            sheet.add(getTranslation("document.tab.draft"), draftTab());
        }
        sheet.add(getTranslation("document.tab.history"), historyTab());
        sheet.add(getTranslation("document.tab.requests"), requestsTab());
        if (editor && document.effectiveRevisionId() != null) {
            sheet.add(getTranslation("document.tab.readers"), readersTab());
        }
        add(sheet);
        sheet.setSelectedIndex(Math.min(selected, sheet.getTabCount() - 1));
    }

    private Component header() {
        Anchor back = new Anchor("documents", "← " + getTranslation("nav.documents"));
        H2 title = new H2(document.code() + " · " + document.title());
        title.addClassName("document-title");
        Div facts = new Div(DocumentBadges.status(document.status()),
                fact("document.type", getTranslation("docType." + document.type())),
                fact("document.owner", document.ownerName()),
                fact("document.nextReview", DocumentBadges.date(document.nextReviewOn())),
                fact("document.tthc", document.tthcCodes()), fact("document.clauses", document.isoClauses()));
        if (document.type() == DocumentType.EXTERNAL) {
            facts.add(fact("document.issuer", document.issuer()),
                    fact("document.externalNumber", document.externalNumber()),
                    fact("document.issuedOn", DocumentBadges.date(document.issuedOn())),
                    fact("document.validUntil", DocumentBadges.date(document.validUntil())),
                    fact("document.externalStatus", document.externalStatus() == null ? null
                            : getTranslation("extStatus." + document.externalStatus())));
        }
        facts.addClassName("document-facts");
        Div header = new Div(back, title, facts);
        if (document.reviewFlag() != null) {
            Div flag = new Div(new Span(getTranslation("documents.reviewFlagged", document.reviewFlag())));
            flag.addClassName("outdated-banner");
            header.add(flag);
        }
        if (editor) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            actions.add(new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(),
                    e -> new DocumentDialog(register, users, document.unitId(), document, d -> render()).open()));
            if (document.status() == DocumentStatus.EFFECTIVE) {
                actions.add(new Button(getTranslation("document.confirmReviewed"), VaadinIcon.CHECK.create(),
                        e -> act(() -> register.confirmReviewed(document.id()), "document.reviewedDone")));
                actions.add(new Button(getTranslation("document.withdraw"), VaadinIcon.BAN.create(),
                        e -> new TextDialog("document.withdraw", "document.withdraw.reason", "document.withdraw",
                                reason -> workflow.withdraw(document.id(), reason), this::render).open()));
            }
            if (document.type() == DocumentType.EXTERNAL) {
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
                actions.add(external);
            }
            header.add(actions);
        }
        header.addClassName("document-header");
        return header;
    }

    private Component fact(String labelKey, String value) {
        return Badges.fact(getTranslation(labelKey), value);
    }

    private Component currentTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        if (document.effectiveRevisionId() == null) {
            tab.add(new Paragraph(getTranslation("document.noEffective")));
            return tab;
        }
        Revision current = workflow.get(document.effectiveRevisionId());
        Optional<PendingReading> pending = workflow.myPendingReadings().stream()
                .filter(p -> p.revisionId().equals(current.id())).findFirst();
        if (pending.isPresent()) {
            Button ack = new Button(getTranslation("revision.acknowledge"), VaadinIcon.CHECK_SQUARE_O.create(),
                    e -> act(() -> workflow.acknowledge(current.id()), "revision.acknowledged"));
            ack.setId("acknowledge-button");
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            tab.add(new Div(new Span(getTranslation("revision.pleaseRead") + " "), ack));
        }
        tab.add(new RevisionContent(current, workflow.attachments(current.id()), zone));
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
        Optional<Revision> open = workflow.history(document.id()).stream()
                .filter(r -> !r.status().isFrozen() || r.status() == RevisionStatus.APPROVED).findFirst();
        if (open.isEmpty()) {
            tab.add(new Paragraph(getTranslation("draft.none")));
            if (document.status() != DocumentStatus.OBSOLETE) {
                Button start = new Button(getTranslation("draft.start"), VaadinIcon.PLUS.create(),
                        e -> act(() -> workflow.startRevision(document.id(), null), "draft.started"));
                start.setId("draft-start");
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                tab.add(start);
            }
            return tab;
        }
        Revision draft = open.get();
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
            draftSummary.setId("draft-summary");
            draftText.setId("draft-text");
            draftSummary.setLabel(getTranslation("revision.summary"));
            draftSummary.setWidthFull();
            draftSummary.setMaxLength(2000);
            draftSummary.setValue(draft.changeSummary() == null ? "" : draft.changeSummary());
            draftText.setLabel(getTranslation("revision.text"));
            draftText.setWidthFull();
            draftText.setMinHeight("16rem");
            draftText.setValue(draft.text() == null ? "" : draft.text());
            Button save = new Button(getTranslation("common.save"), VaadinIcon.DISC.create(),
                    e -> act(() -> workflow.editDraft(draft.id(), draft.version(), draftText.getValue(),
                            draftSummary.getValue()), "draft.saved"));
            Upload upload = Uploads.limited(workflow.maxFileBytes(),
                    (name, bytes) -> act(() -> workflow.attach(draft.id(), name, bytes), "draft.fileAdded"));
            upload.setId("draft-upload");
            save.setId("draft-save");
            upload.setMaxFiles(1);
            upload.setDropAllowed(true);
            tab.add(draftSummary, draftText, save, fileList(files, true), upload);
            Button submit = new Button(getTranslation("draft.submit"), VaadinIcon.PAPERPLANE.create(), e -> {
                if (!draftText.getValue().equals(draft.text() == null ? "" : draft.text())
                        || !draftSummary.getValue().equals(draft.changeSummary() == null ? "" : draft.changeSummary())) {
                    Notifications.error(getTranslation("draft.saveFirst"));
                    return;
                }
                act(() -> workflow.submit(draft.id(), draft.version()), "draft.submitted");
            });
            submit.setId("draft-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button delete = new Button(getTranslation("draft.delete"), VaadinIcon.TRASH.create(), e -> {
                Dialogs.confirmDestructive(getTranslation("draft.delete"), getTranslation("draft.delete.confirm"),
                        getTranslation("common.delete"), () -> act(() -> workflow.deleteDraft(draft.id()),
                                "draft.deleted"));
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            tab.add(new HorizontalLayout(submit, delete));
        } else {
            tab.add(new RevisionContent(draft, files, zone));
            if (draft.status() == RevisionStatus.IN_REVIEW) {
                Button review = new Button(getTranslation("signoff.review"), VaadinIcon.EYE.create(),
                        e -> new SignDialog("signoff.review", getTranslation("signoff.review.text"), Map.of(), today(),
                                (pw, comment, day, readers) -> workflow.review(draft.id(), pw, comment),
                                this::render).open());
                Button approve = new Button(getTranslation("signoff.approve"), VaadinIcon.CHECK_CIRCLE.create(),
                        e -> new SignDialog("signoff.approve", getTranslation("signoff.approve.text"), members(), today(),
                                (pw, comment, day, readers) -> workflow.approve(draft.id(),
                                        workflow.get(draft.id()).version(), pw, day, readers), this::render).open());
                review.setId("review-button");
                approve.setId("approve-button");
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button reject = new Button(getTranslation("signoff.reject"), VaadinIcon.ARROW_BACKWARD.create(),
                        e -> new TextDialog("signoff.reject", "signoff.comment", "signoff.reject",
                                comment -> workflow.reject(draft.id(), workflow.get(draft.id()).version(), comment),
                                this::render).open());
                tab.add(new HorizontalLayout(review, approve, reject));
            } else {
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
            Anchor link = new Anchor(a.downloadPath(), a.fileName());
            link.getElement().setAttribute("download", true);
            Div row = new Div(link);
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
        history.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RevisionView.class,
                e.getItem().id().value())));
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
