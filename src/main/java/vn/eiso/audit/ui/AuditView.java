package vn.eiso.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.Verdict;
import vn.eiso.base.ui.ActionBar;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.RecordPage;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditId;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditStatus;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.EvidenceFile;
import vn.eiso.audit.Audits;
import vn.eiso.audit.IsoClause;
import vn.eiso.audit.Person;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;
import vn.eiso.base.ui.Badges;
import vn.eiso.signature.SignatureBadge;
import vn.eiso.base.ui.Downloads;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Messages;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;

/** One audit: its plan, the checklist the team works through, the report and its sign-off, the findings. */
@Route("audit")
@PermitAll
class AuditView extends RecordPage implements HasUrlParameter<Long>, TitledView {

    private final Audits audits;
    private final AuditWork work;
    private final Clock clock;
    private final ZoneId zone;
    private Audit audit;
    private List<IsoClause> clauses;
    final Grid<AuditItem> checklist = new Grid<>();
    final TextArea summary = new TextArea();
    final TextArea conclusion = new TextArea();

    AuditView(Audits audits, AuditWork work, Clock clock) {
        this.audits = audits;
        this.work = work;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            audit = audits.get(new AuditId(id));
        } catch (DomainException | AccessDeniedException e) {
            removeAll();
            add(new H2(getTranslation("error.audit.notFound")));
            return;
        }
        clauses = audits.clauses();
        render();
    }

    @Override
    protected void compose(Parts page) {
        audit = audits.get(audit.id());
        boolean canWork = work.canWork(audit.id());
        page.back("audits", getTranslation("nav.audits"))
                .title(audit.title())
                .facts(AuditBadges.status(audit.status()))
                .fact("audit.unit", audit.unitName())
                .fact("audit.dates", Formats.date(audit.startsOn()) + " – " + Formats.date(audit.endsOn()))
                .fact("audit.lead", audit.lead().name())
                .fact("audit.team", String.join(", ", audit.team().stream().map(Person::name).toList()))
                .fact("audit.scope.procedures", String.join(", ",
                        audit.procedures().stream().map(Audit.ScopedProcedure::code).toList()))
                .fact("audit.scope.clauses", String.join(", ", audit.clauses()))
                .fact("audit.criteria", audit.criteria());
        if (audit.isOverdue(LocalDate.now(clock))) {
            page.facts(Badges.of(getTranslation("audits.overdue"), "badge error primary"));
        }
        page.status(work.nextStep(audit.id()));
        ActionBar actions = page.actions();
        Texts texts = Messages.texts(getLocale());
        AuditId id = audit.id();
        if (work.canAcknowledge(id)) {
            Button acknowledge = actions.primary(getTranslation("audit.acknowledge"), VaadinIcon.CHECK,
                    Verdict.ALLOWED, () -> act(() -> work.acknowledge(id, audit.version()), "audit.acknowledged"));
            acknowledge.setId("audit-acknowledge");
        }
        actions.addExtra(Downloads.pdf(getTranslation("audit.pdf"), "BAO-CAO-DANH-GIA-" + id.value() + ".pdf",
                () -> work.reportPdf(id, texts)));
        if (audit.status() == AuditStatus.PLANNED && audits.canPlan(audit.unitId())) {
            actions.destructive(getTranslation("audit.cancel"), VaadinIcon.TRASH, Verdict.ALLOWED,
                    this::confirmCancel).setId("audit-cancel");
        }
        page.tab("checklist", "audit.checklist", checklistTab(canWork));
        page.tab("report", "audit.report", reportTab(canWork));
    }

    private void confirmCancel() {
        Dialogs.confirmDestructive(getTranslation("audit.cancel"), getTranslation("audit.cancel.confirm", audit.title()),
                getTranslation("audit.cancel"), () -> {
                    try {
                        audits.cancel(audit.id(), audit.version());
                        Notifications.success(getTranslation("audit.cancelled"));
                        getUI().ifPresent(ui -> ui.navigate("audits"));
                    } catch (DomainException ex) {
                        Notifications.error(ex);
                    }
                });
    }

    private Component checklistTab(boolean canWork) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        List<AuditItem> items = work.checklist(audit.id());
        long answered = items.stream().filter(i -> i.result() != null).count();
        tab.add(new Paragraph(getTranslation("audit.checklist.progress", answered, items.size())));
        Texts texts = Messages.texts(getLocale());
        checklist.setId("audit-checklist");
        checklist.removeAllColumns();
        checklist.addColumn(AuditItem::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        checklist.addColumn(i -> AuditWork.itemLabel(i, clauses, texts)).setHeader(getTranslation("audit.item"))
                .setWidth("12rem").setFlexGrow(3);
        checklist.addComponentColumn(i -> AuditBadges.result(i.result())).setHeader(getTranslation("audit.result"))
                .setAutoWidth(true);
        List<EvidenceFile> files = work.evidenceFiles(audit.id());
        checklist.addComponentColumn(i -> evidence(i, files)).setHeader(getTranslation("audit.evidence"))
                .setWidth("12rem").setFlexGrow(3);
        checklist.addComponentColumn(i -> i.nonconformityId() == null ? new Span()
                        : new Anchor("nonconformities", "NC-" + i.nonconformityId()))
                .setHeader(getTranslation("audit.nonconformity")).setAutoWidth(true);
        if (canWork) {
            checklist.addComponentColumn(i -> {
                Button record = new Button(getTranslation("audit.record"), e -> openItem(i, texts, files));
                record.setId("item-record-" + i.position());
                record.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                return record;
            }).setAutoWidth(true);
        }
        checklist.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        checklist.setItems(items);
        checklist.setAllRowsVisible(true);
        tab.add(checklist);
        if (canWork) {
            Button add = new Button(getTranslation("audit.item.add"), VaadinIcon.PLUS.create(), e -> openAddItem());
            add.setId("item-add");
            tab.add(add);
        }
        return tab;
    }

    void openItem(AuditItem item, Texts texts, List<EvidenceFile> files) {
        new ItemDialog(work, item, AuditWork.itemLabel(item, clauses, texts),
                files.stream().filter(f -> f.itemId().equals(item.id())).toList(), this::render).open();
    }

    void openAddItem() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("audit.item.add"));
        dialog.setWidth("min(36rem, 100vw)");
        TextArea question = new TextArea(getTranslation("audit.item.question"));
        question.setMaxLength(1000);
        question.setWidthFull();
        ComboBox<IsoClause> clause = new ComboBox<>(getTranslation("audit.item.clause"));
        clause.setItems(clauses.stream().filter(c -> !c.isTopLevel()).toList());
        clause.setItemLabelGenerator(c -> c.code() + " " + c.title(getLocale()));
        clause.setWidthFull();
        dialog.add(new VerticalLayout(question, clause));
        Dialogs.footer(dialog, getTranslation("common.save"), () -> work.addItem(audit.id(), question.getValue(),
                clause.getValue() == null ? null : clause.getValue().code()), getTranslation("audit.item.added"),
                this::render);
        dialog.open();
    }

    /** The evidence notes with a download link per attached file. */
    private Component evidence(AuditItem item, List<EvidenceFile> files) {
        Div cell = new Div(new Span(item.evidence() == null ? "" : item.evidence()));
        files.stream().filter(f -> f.itemId().equals(item.id())).forEach(f -> {
            Div row = new Div(Downloads.file("📎 " + f.fileName(), f.fileName(), f.contentType(),
                    () -> work.evidenceContent(f.id())));
            // A signed scan (minutes, a decision) shows whose signature it carries, as a document's file does.
            SignatureBadge.ofSigned(work.evidenceSignatures(f), this::getTranslation, zone)
                    .ifPresent(b -> row.add(new Span(" "), Badges.of(b.text(), b.theme(), b.details())));
            cell.add(row);
        });
        return cell;
    }

    private Component reportTab(boolean canWork) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        summary.setId("audit-summary");
        summary.setLabel(getTranslation("audit.summary"));
        summary.setWidthFull();
        summary.setValue(audit.summary() == null ? "" : audit.summary());
        summary.setReadOnly(!canWork);
        conclusion.setId("audit-conclusion");
        conclusion.setLabel(getTranslation("audit.conclusion"));
        conclusion.setWidthFull();
        conclusion.setValue(audit.conclusion() == null ? "" : audit.conclusion());
        conclusion.setReadOnly(!canWork);
        tab.add(summary, conclusion);
        if (audit.signedAt() != null) {
            tab.add(new Paragraph(getTranslation("audit.signedBy") + ": " + audit.signedByName() + " · "
                    + Formats.dateTime(audit.signedAt(), zone)));
        }
        if (audit.acknowledgedAt() != null) {
            tab.add(new Paragraph(getTranslation("audit.acknowledgedBy") + ": " + audit.acknowledgedByName() + " · "
                    + Formats.dateTime(audit.acknowledgedAt(), zone)));
        }
        if (canWork) {
            Button save = new Button(getTranslation("audit.report.save"), e -> act(
                    () -> work.saveReport(audit.id(), audit.version(), summary.getValue(), conclusion.getValue()),
                    "audit.report.saved"));
            save.setId("report-save");
            Button sign = new Button(getTranslation("audit.sign"), VaadinIcon.PENCIL.create(), e -> openSignOff());
            sign.setId("audit-sign");
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            tab.add(new HorizontalLayout(save, sign));
            tab.add(new Paragraph(getTranslation("audit.sign.help")));
        } else if (audit.status().isOpen()) {
            tab.add(new Paragraph(getTranslation("audit.teamOnly")));
        } else {
            tab.add(new Paragraph(getTranslation("audit.signed.frozen")));
        }
        return tab;
    }

    void openSignOff() {
        long findings = work.checklist(audit.id()).stream()
                .filter(i -> i.result() != null && i.result().isNonconformity()).count();
        new AuditSignDialog(work, audit, findings, this::render).open();
    }

    private void act(Runnable action, String successKey) {
        Notifications.attempt(action, successKey);
        render();
    }

    @Override
    public String titleKey() {
        return "nav.audits";
    }
}
