package vn.eiso.announcement.ui;

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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.QmsScope;
import vn.eiso.announcement.Readiness;
import vn.eiso.announcement.ReadinessCheck;
import vn.eiso.announcement.ScopeItem;
import vn.eiso.announcement.Scopes;
import vn.eiso.audit.Audits;
import vn.eiso.audit.IsoClause;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.signature.SignatureBadge;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;

/**
 * The road to the conformity announcement for the current unit: what is still missing, the scope it covers, and
 * the decisions issued so far. The head issues and withdraws; the quality officer prepares the scope.
 */
@Route("announcement")
@Menu(order = 9.2, icon = "vaadin:diploma-scroll", title = "nav.announcement")
@PermitAll
class AnnouncementView extends VerticalLayout implements TitledView {

    final TabSheet sheet = new TabSheet();
    final Grid<ScopeItem> scopeGrid = new Grid<>();
    final Grid<Announcement> history = new Grid<>();
    final Div conditions = new Div();
    final DatePicker appliedSince = new DatePicker();
    Button announceButton;
    private final Scopes scopes;
    private final ReadinessCheck readinessCheck;
    private final Announcements announcements;
    private final Map<String, IsoClause> clauses;
    private final boolean head;
    private final boolean editor;
    private final boolean oversight;
    private final Clock clock;
    private final String signer;
    private final FileLimits limits;
    private UnitId unit;
    private QmsScope scope;

    AnnouncementView(Scopes scopes, ReadinessCheck readinessCheck, Announcements announcements, Audits audits,
            AccessGuard guard, FileLimits limits, Clock clock, AuthenticationContext authentication) {
        this.limits = limits;
        this.clock = clock;
        this.signer = authentication.getAuthenticatedUser(EisoPrincipal.class).map(EisoPrincipal::fullName)
                .orElse("");
        this.scopes = scopes;
        this.readinessCheck = readinessCheck;
        this.announcements = announcements;
        this.clauses = audits.clauses().stream().collect(Collectors.toMap(IsoClause::code, c -> c));
        var caller = guard.caller();
        this.oversight = caller.isOversight() || caller.isAdministrator();
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            head = false;
            editor = false;
            return;
        }
        unit = current.get();
        head = announcements.canAnnounce(unit);
        editor = scopes.canEdit(unit);
        add(new Paragraph(getTranslation("announcement.help")));
        sheet.setWidthFull();
        sheet.add(getTranslation("announcement.tab.readiness"), readinessTab());
        sheet.add(getTranslation("announcement.tab.scope"), scopeTab());
        sheet.add(getTranslation("announcement.tab.decisions"), decisionsTab());
        add(sheet);
        refresh();
    }

    void refresh() {
        scope = scopes.of(unit);
        scopeGrid.setItems(scope.items());
        appliedSince.setValue(scope.appliedSince());
        history.setItems(announcements.ofUnit(unit));
        showReadiness(readinessCheck.of(unit));
    }

    private Component readinessTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        conditions.addClassName("readiness");
        tab.add(conditions);
        if (head) {
            announceButton = new Button(getTranslation("announcement.issue"), VaadinIcon.DIPLOMA_SCROLL.create(),
                    e -> new AnnounceDialog(announcements, unit, LocalDate.now(clock), signer,
                            this::afterAnnounce).open());
            announceButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            announceButton.setId("announce-open");
            tab.add(announceButton);
        }
        return tab;
    }

    private void afterAnnounce() {
        refresh();
        sheet.setSelectedIndex(2);
    }

    private void showReadiness(Readiness readiness) {
        conditions.removeAll();
        int unmet = readiness.unmet().size();
        conditions.add(readiness.isReady()
                ? Badges.of(getTranslation("announcement.ready"), "badge success primary")
                : Badges.of(getTranslation("announcement.notReady", unmet), "badge error primary"));
        for (Readiness.Condition c : readiness.conditions()) {
            conditions.add(condition(c));
        }
        if (announceButton != null) {
            announceButton.setEnabled(readiness.isReady());
            announceButton.setTooltipText(readiness.isReady() ? null : getTranslation("announcement.issue.blocked"));
        }
    }

    private Component condition(Readiness.Condition c) {
        Div box = new Div();
        box.addClassNames("readiness-condition", c.met() ? "met" : "unmet");
        box.getElement().setAttribute("data-key", c.key().name());
        Span mark = Badges.of(getTranslation(c.met() ? "readiness.met" : "readiness.unmet"),
                c.met() ? "badge success" : "badge error");
        H3 title = new H3(getTranslation("readiness." + c.key()));
        HorizontalLayout head = new HorizontalLayout(mark, title);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        box.add(head, new Paragraph(getTranslation(c.detailKey(), c.detailArgs().stream()
                .map(a -> a instanceof LocalDate d ? Formats.date(d) : a).toArray())));
        if (!c.items().isEmpty()) {
            UnorderedList items = new UnorderedList();
            c.items().forEach(i -> items.add(new ListItem(itemText(c.key(), i))));
            box.add(items);
        }
        if (!c.met() && c.route() != null) {
            Anchor fix = new Anchor(c.route(), getTranslation("readiness.fix"));
            fix.addClassName("fix-link");
            box.add(fix);
        }
        return box;
    }

    /** A missing mandatory clause reads with its title in the user's language. */
    private String itemText(Readiness.Key key, String item) {
        IsoClause clause = key == Readiness.Key.MANDATORY_PROCEDURES ? clauses.get(item) : null;
        return clause == null ? item : item + " · " + clause.title(getLocale());
    }

    private Component scopeTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        appliedSince.setLabel(getTranslation("scope.appliedSince"));
        appliedSince.setHelperText(getTranslation("scope.appliedSince.help"));
        appliedSince.setWidth("18rem");
        DatePickers.localise(appliedSince);
        appliedSince.setReadOnly(!editor);
        HorizontalLayout since = new HorizontalLayout(appliedSince);
        since.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (editor) {
            Button save = new Button(getTranslation("common.save"), e -> {
                Notifications.attempt(() -> scopes.setAppliedSince(unit, scope.version(), appliedSince.getValue()),
                        "scope.saved");
                refresh();
            });
            since.add(save);
        }
        tab.add(since);
        scopeGrid.addColumn(i -> getTranslation("scopeKind." + i.kind())).setHeader(getTranslation("scope.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        scopeGrid.addColumn(i -> i.code() == null ? "" : i.code()).setHeader(getTranslation("scope.code"))
                .setAutoWidth(true).setFlexGrow(0);
        scopeGrid.addColumn(ScopeItem::name).setHeader(getTranslation("scope.name")).setFlexGrow(3);
        scopeGrid.addComponentColumn(this::procedureCell).setHeader(getTranslation("scope.procedure")).setFlexGrow(2);
        if (editor) {
            scopeGrid.addComponentColumn(this::scopeActions).setAutoWidth(true).setFlexGrow(0);
            Button add = new Button(getTranslation("scope.add"), VaadinIcon.PLUS.create(), e -> openItem());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button fromRegister = new Button(getTranslation("scope.import"), VaadinIcon.DOWNLOAD_ALT.create(),
                    e -> {
                        Notifications.attempt(() -> Notifications.success(getTranslation("scope.imported",
                                scopes.importFromProcedures(unit))), "scope.saved");
                        refresh();
                    });
            fromRegister.setTooltipText(getTranslation("scope.import.help"));
            tab.add(new HorizontalLayout(add, fromRegister));
        }
        scopeGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        scopeGrid.setAllRowsVisible(true);
        scopeGrid.setEmptyStateText(getTranslation("scope.empty"));
        tab.add(scopeGrid);
        return tab;
    }

    private Component procedureCell(ScopeItem item) {
        if (item.procedure() == null) {
            return Badges.of(getTranslation("scope.unmapped"), "badge error");
        }
        Span text = new Span(item.procedureCode() + " · " + item.procedureTitle());
        if (item.procedureInForce()) {
            return text;
        }
        return new Div(text, Badges.of(getTranslation("scope.notInForce"), "badge error"));
    }

    private Component scopeActions(ScopeItem item) {
        Button map = new Button(getTranslation("scope.map"), e -> openMap(item));
        map.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button remove = new Button(getTranslation("common.delete"), e -> Dialogs.confirmDestructive(
                getTranslation("scope.remove.title"), getTranslation("scope.remove.text", item.name()),
                getTranslation("common.delete"), () -> {
                    Notifications.attempt(() -> scopes.removeItem(item.id()), "scope.removed");
                    refresh();
                }));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(map, remove);
    }

    private ComboBox<DocumentSummary> procedureChooser() {
        ComboBox<DocumentSummary> procedure = new ComboBox<>(getTranslation("scope.procedure"));
        procedure.setId("scope-procedure");
        procedure.setItems(scopes.procedures(unit));
        procedure.setItemLabelGenerator(d -> d.code() + " · " + d.title()
                + (d.status() == DocumentStatus.EFFECTIVE ? "" : " (" + getTranslation("docStatus." + d.status()) + ")"));
        procedure.setWidthFull();
        return procedure;
    }

    void openItem() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scope.add"));
        dialog.setWidth("min(40rem, 100vw)");
        Select<ScopeItem.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("scope.kind"));
        kind.setItems(ScopeItem.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("scopeKind." + k));
        kind.setValue(ScopeItem.Kind.TTHC);
        TextField code = new TextField(getTranslation("scope.code"));
        code.setId("scope-code");
        code.setMaxLength(32);
        code.setHelperText(getTranslation("scope.code.help"));
        TextArea name = new TextArea(getTranslation("scope.name"));
        name.setId("scope-name");
        name.setMaxLength(500);
        ComboBox<DocumentSummary> procedure = procedureChooser();
        FormLayout form = new FormLayout(kind, code, name, procedure);
        form.setColspan(name, 2);
        form.setColspan(procedure, 2);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> scopes.addItem(unit, kind.getValue(),
                code.getValue(), name.getValue(), procedure.getValue() == null ? null : procedure.getValue().id()),
                getTranslation("scope.saved"), this::refresh);
        dialog.open();
    }

    private void openMap(ScopeItem item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scope.map") + ": " + item.name());
        dialog.setWidth("min(40rem, 100vw)");
        ComboBox<DocumentSummary> procedure = procedureChooser();
        DocumentId current = item.procedure();
        if (current != null) {
            scopes.procedures(unit).stream().filter(d -> d.id().equals(current)).findFirst()
                    .ifPresent(procedure::setValue);
        }
        dialog.add(procedure);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> scopes.mapItem(item.id(),
                procedure.getValue() == null ? null : procedure.getValue().id()), getTranslation("scope.saved"),
                this::refresh);
        dialog.open();
    }

    private Component decisionsTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        history.addColumn(Announcement::number).setHeader(getTranslation("announcement.number")).setAutoWidth(true);
        history.addColumn(a -> Formats.date(a.decidedOn())).setHeader(getTranslation("announcement.date"))
                .setAutoWidth(true);
        history.addColumn(a -> a.signerTitle() + " " + a.signerName()).setHeader(getTranslation("announcement.signer"))
                .setFlexGrow(1);
        history.addComponentColumn(this::statusCell).setHeader(getTranslation("announcement.status")).setFlexGrow(1);
        history.addComponentColumn(this::files).setHeader(getTranslation("announcement.files")).setFlexGrow(1);
        history.addComponentColumn(this::decisionActions).setAutoWidth(true).setFlexGrow(0);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
        history.setEmptyStateText(getTranslation("announcement.none"));
        Anchor register = new Anchor(Announcements.PUBLIC_ROUTE, getTranslation("announcement.publicRegister"));
        register.setTarget("_blank");
        tab.add(register, history);
        if (oversight) {
            Button template = new Button(getTranslation("template.edit"), VaadinIcon.FILE_TEXT_O.create(),
                    e -> new TemplateDialog(announcements).open());
            tab.add(template);
        }
        return tab;
    }

    private Component statusCell(Announcement a) {
        Span badge = AnnouncementBadges.status(a.status(), this);
        if (a.status() == AnnouncementStatus.DUE && a.dueReason() != null) {
            return new Div(badge, new Paragraph(getTranslation("announcementDue." + a.dueReason())));
        }
        if (a.status() == AnnouncementStatus.WITHDRAWN) {
            return new Div(badge, new Paragraph(a.withdrawnReason()));
        }
        return badge;
    }

    private Component files(Announcement a) {
        Div files = new Div(Downloads.pdf(getTranslation("announcement.decisionPdf"),
                "QD-cong-bo-" + a.id() + ".pdf", () -> announcements.decisionPdf(a.id())));
        if (a.hasSignedCopy()) {
            Div signed = new Div(Downloads.file(getTranslation("announcement.signedCopy"), a.signedFileName(),
                    "application/octet-stream", () -> announcements.signedCopy(a.id()).content()));
            SignatureBadge.ofSigned(announcements.signedCopySignatures(a.id()), this::getTranslation, clock.getZone())
                    .ifPresent(b -> signed.add(new Span(" "), Badges.of(b.text(), b.theme(), b.details())));
            files.add(signed);
        }
        return files;
    }

    private Component decisionActions(Announcement a) {
        HorizontalLayout actions = new HorizontalLayout();
        if (head && a.status().isCurrent()) {
            Button attach = new Button(getTranslation("announcement.attachSigned"), VaadinIcon.UPLOAD.create(),
                    e -> openAttach(a));
            attach.setId("announce-attach");
            attach.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(attach);
        }
        if ((head || oversight) && a.status().isCurrent()) {
            Button withdraw = new Button(getTranslation("announcement.withdraw"), e -> openWithdraw(a));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            actions.add(withdraw);
        }
        return actions;
    }

    private void openAttach(Announcement a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("announcement.attachSigned") + ": " + a.number());
        dialog.add(new Paragraph(getTranslation("announcement.attachSigned.help")));
        Upload[] upload = new Upload[1];
        upload[0] = Uploads.single(limits.maxBytes(), (name, bytes) -> {
            try {
                announcements.attachSigned(a.id(), name, bytes);
                Notifications.success(getTranslation("announcement.signedAttached"));
                dialog.close();
                refresh();
            } catch (DomainException ex) {
                // The refused file leaves the list, so that the right one can be chosen next.
                upload[0].clearFileList();
                Notifications.error(ex);
            }
        });
        upload[0].setId("signed-upload");
        upload[0].setAcceptedFileTypes("application/pdf", ".pdf", "image/jpeg", ".jpg", "image/png", ".png");
        dialog.add(upload[0]);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void openWithdraw(Announcement a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("announcement.withdraw.title", a.number()));
        dialog.setWidth("min(36rem, 100vw)");
        dialog.add(new Paragraph(getTranslation("announcement.withdraw.text")));
        TextArea reason = new TextArea(getTranslation("announcement.withdraw.reason"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        dialog.add(reason);
        Button confirm = Dialogs.footer(dialog, getTranslation("announcement.withdraw"),
                () -> announcements.withdraw(a.id(), a.version(), reason.getValue()),
                getTranslation("announcement.withdrawn"), this::refresh);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.announcement";
    }

}
