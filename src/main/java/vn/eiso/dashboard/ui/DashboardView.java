package vn.eiso.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eiso.audit.AuditSummary;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Readiness;
import vn.eiso.announcement.ReadinessCheck;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audit.ReviewAction;
import vn.eiso.audittrail.AuditEntry;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.Grant;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.PendingReading;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.CorrectiveAction;
import vn.eiso.inbox.Inbox;
import vn.eiso.inbox.Notice;
import vn.eiso.nonconformity.NonconformityWorkflow;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UnitType;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserService;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/** The landing page: what the signed-in user's roles in the current unit call for. */
@Route("")
@Menu(order = 0, icon = "vaadin:dashboard", title = "nav.dashboard")
@PermitAll
class DashboardView extends Div implements TitledView {

    /** How many lines a card lists before it points to the full list. */
    private static final int CARD_ITEMS = 8;

    private final ZoneId zone;

    DashboardView(AccessGuard guard, UnitService units, UserService users, AuditTrail trail, Clock clock,
            AuthenticationContext authentication, DocumentRegister register, RevisionWorkflow workflow, Audits audits,
            ManagementReviews reviews, NonconformityWorkflow corrective, Inbox inbox, ReadinessCheck readiness,
            Announcements announcements, Worklist worklist) {
        String fullName = authentication.getAuthenticatedUser(EisoPrincipal.class).map(EisoPrincipal::fullName)
                .orElse("");
        this.zone = clock.getZone();
        addClassName("dashboard");
        Caller caller = guard.caller();
        Optional<UnitId> unit = CurrentUnit.get();
        List<Grant> here = caller.grants().stream().filter(g -> unit.map(g.unitId()::equals).orElse(false)).toList();

        add(new H2(getTranslation("dashboard.welcome", fullName)));
        Div cards = new Div();
        cards.addClassName("card-grid");
        add(cards);

        cards.add(unitCard(here));
        List<Notice> notices = inbox.mine(true, 8);
        if (!notices.isEmpty()) {
            cards.add(noticesCard(inbox, notices));
        }
        List<WorkItem> work = worklist.mine();
        List<WorkItem> handed = work.stream().filter(i -> i.kind().isHandedOver()).toList();
        if (!handed.isEmpty()) {
            cards.add(handedCard(handed, work.size()));
        }
        if (unit.isPresent()) {
            cards.add(readingCard(workflow.myPendingReadings()));
            if (register.canEdit(unit.get())) {
                cards.add(reviewsCard(register.reviewsDue(unit.get(), 8)));
            }
            if (caller.canEdit(unit.get())) {
                cards.add(auditsCard(audits.needingAttention(unit.get()), audits.openFindings(unit.get()), clock));
                cards.add(reviewActionsCard(reviews.openActions(unit.get()), clock));
                cards.add(announcementCard(readiness.of(unit.get()), announcements.ofUnit(unit.get())));
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<CorrectiveAction> mine = corrective.myOpenActions();
        if (!mine.isEmpty()) {
            cards.add(actionsCard("dashboard.myActions.title", mine, today));
        }
        if (unit.isPresent() && (caller.isAdministrator() || caller.hasRoleIn(unit.get(), Role.UNIT_HEAD))) {
            // Escalation: the head sees every overdue corrective action of the unit, by owner, until it is done.
            List<CorrectiveAction> overdue = corrective.overdue(unit.get());
            if (!overdue.isEmpty()) {
                cards.add(actionsCard("dashboard.overdueActions.title", overdue, today));
            }
        }
        List<AuditSummary> assigned = audits.assignedToMe().stream().filter(a -> a.status().isOpen()).toList();
        if (!assigned.isEmpty()) {
            cards.add(assignedCard(assigned));
        }
        if (caller.isAdministrator() || caller.isOversight()) {
            cards.add(provinceCard(units.activeCountByType()));
        }
        if (unit.isPresent() && caller.isEditorIn(unit.get())) {
            cards.add(membersCard(users.membersOf(unit.get())));
        }
        if (caller.isAdministrator()) {
            cards.add(adminCard(trail.find(AuditFilter.NONE, 0, 6)));
        }
    }

    private Component unitCard(List<Grant> here) {
        Div card = card("dashboard.unit.title");
        if (here.isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.unit.none")));
            return card;
        }
        card.add(new Paragraph(here.getFirst().unitName()));
        UnorderedList roles = new UnorderedList();
        here.forEach(g -> roles.add(new ListItem(getTranslation("role." + g.role()))));
        card.add(new Span(getTranslation("dashboard.unit.roles")), roles);
        return card;
    }

    private Component readingCard(List<PendingReading> pending) {
        Div card = card("dashboard.reading.title");
        if (pending.isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.reading.none")));
            return card;
        }
        UnorderedList list = new UnorderedList();
        pending.stream().limit(CARD_ITEMS).forEach(p -> list.add(new ListItem(new Anchor("revision/"
                + p.revisionId().value(), p.code() + " · " + p.title() + " ("
                + getTranslation("revision.number", p.revisionNumber()) + ")"))));
        card.add(list);
        if (pending.size() > CARD_ITEMS) {
            // The card shows the newest few; the rest are on My work, never silently left out.
            Anchor more = new Anchor(Worklist.ROUTE, getTranslation("dashboard.reading.more", pending.size()));
            more.addClassName("reading-more");
            card.add(new Paragraph(more));
        }
        return card;
    }

    private Component reviewsCard(List<DocumentSummary> due) {
        Div card = card("dashboard.reviews.title");
        if (due.isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.reviews.none")));
            return card;
        }
        UnorderedList list = new UnorderedList();
        due.forEach(d -> list.add(new ListItem(new Anchor("document/" + d.id().value(), d.code() + " · " + d.title()))));
        card.add(list);
        return card;
    }

    private Component auditsCard(List<AuditSummary> attention, int openFindings, Clock clock) {
        Div card = card("dashboard.audits.title");
        LocalDate today = LocalDate.now(clock);
        if (attention.isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.audits.none")));
        } else {
            UnorderedList list = new UnorderedList();
            attention.forEach(a -> {
                ListItem item = new ListItem(new Anchor("audit/" + a.id().value(),
                        Formats.date(a.startsOn()) + " · " + a.title()));
                if (a.isOverdue(today)) {
                    item.add(new Text(" "), Badges.of(getTranslation("audits.overdue"), "badge error primary"));
                }
                list.add(item);
            });
            card.add(list);
        }
        card.add(new Paragraph(new Anchor("nonconformities", getTranslation("dashboard.audits.findings", openFindings))));
        return card;
    }

    private Component reviewActionsCard(List<ReviewAction> open, Clock clock) {
        Div card = card("dashboard.reviewActions.title");
        if (open.isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.reviewActions.none")));
            return card;
        }
        LocalDate today = LocalDate.now(clock);
        UnorderedList list = new UnorderedList();
        open.stream().limit(8).forEach(a -> {
            ListItem item = new ListItem(new Anchor("management-review/" + a.reviewId().value(),
                    Formats.date(a.dueOn()) + " · " + a.ownerName() + " · " + a.description()));
            if (a.isOverdue(today)) {
                item.add(new Text(" "), Badges.of(getTranslation("audits.overdue"), "badge error primary"));
            }
            list.add(item);
        });
        card.add(list);
        return card;
    }

    private Component actionsCard(String titleKey, List<CorrectiveAction> actions, LocalDate today) {
        Div card = card(titleKey);
        UnorderedList list = new UnorderedList();
        actions.stream().limit(8).forEach(a -> {
            ListItem item = new ListItem(new Anchor("nonconformity/" + a.nonconformityId().value(),
                    Formats.date(a.dueOn()) + " · " + a.nonconformityId().label() + " · " + a.ownerName() + " · "
                            + a.description()));
            if (a.isOverdue(today)) {
                item.add(new Text(" "), Badges.of(getTranslation("audits.overdue"), "badge error primary"));
            }
            list.add(item);
        });
        card.add(list);
        return card;
    }

    private Component assignedCard(List<AuditSummary> assigned) {
        Div card = card("audits.mine");
        UnorderedList list = new UnorderedList();
        assigned.forEach(a -> list.add(new ListItem(new Anchor("audit/" + a.id().value(),
                Formats.date(a.startsOn()) + " · " + a.unitName() + " · " + a.title()))));
        card.add(list);
        return card;
    }

    private Component provinceCard(Map<UnitType, Integer> counts) {
        Div card = card("dashboard.province.title");
        Div figures = new Div();
        figures.addClassName("figures");
        for (UnitType type : UnitType.values()) {
            Div figure = new Div(new Span(String.valueOf(counts.getOrDefault(type, 0))),
                    new Span(getTranslation("unitType." + type)));
            figure.addClassName("figure");
            figures.add(figure);
        }
        card.add(figures);
        return card;
    }

    private Component membersCard(List<Membership> members) {
        Div card = card("dashboard.members.title");
        UnorderedList list = new UnorderedList();
        members.forEach(m -> list.add(new ListItem(m.fullName() + " · " + getTranslation("role." + m.role()))));
        card.add(list);
        return card;
    }

    private Component adminCard(List<AuditEntry> recent) {
        Div card = card("dashboard.admin.title");
        Div links = new Div(new Anchor("admin/units", getTranslation("nav.units")),
                new Anchor("admin/users", getTranslation("nav.users")),
                new Anchor("admin/audit-trail", getTranslation("nav.auditTrail")));
        links.addClassName("quick-links");
        card.add(links, new H3(getTranslation("dashboard.admin.recent")));
        UnorderedList list = new UnorderedList();
        recent.forEach(e -> list.add(new ListItem(
                Formats.dateTime(e.occurredAt(), zone)
                        + " · " + e.actor() + " · " + getTranslation("action." + e.action()))));
        card.add(list);
        return card;
    }

    /**
     * Steps of a workflow someone handed to the user (a revision to review or approve, a returned one, a report to
     * triage, an audit report to acknowledge), in every unit; they stay until the step is taken.
     */
    private Component handedCard(List<WorkItem> handed, int total) {
        Div card = card("dashboard.handed.title");
        card.addClassName("handed-card");
        UnorderedList list = new UnorderedList();
        handed.stream().limit(8).forEach(i -> list.add(new ListItem(new Anchor(i.link(),
                getTranslation("worklist.kind." + i.kind()) + " · " + i.label() + " · " + i.text()))));
        card.add(list, new Paragraph(new Anchor(Worklist.ROUTE, getTranslation("dashboard.handed.all", total))));
        return card;
    }

    /** Unread notices, each dismissed on its own once seen. */
    private Component noticesCard(Inbox inbox, List<Notice> notices) {
        Div card = card("dashboard.notices.title");
        card.addClassName("notices-card");
        UnorderedList list = new UnorderedList();
        notices.forEach(n -> {
            ListItem item = new ListItem(new Anchor(n.link() == null ? "" : n.link(),
                    getTranslation(n.messageKey(), n.params().toArray())), new Text(" · "
                    + Formats.dateTime(n.createdAt(), zone) + " "));
            Button seen = new Button(getTranslation("dashboard.notices.seen"), e -> {
                inbox.markRead(n.id());
                list.remove(item);
            });
            seen.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            item.add(seen);
            list.add(item);
        });
        card.add(list);
        return card;
    }

    /** How far the unit is from announcing, or that its announcement needs renewing. */
    private Component announcementCard(Readiness ready, List<Announcement> history) {
        Div card = card("dashboard.announcement.title");
        Optional<Announcement> current = history.stream().filter(a -> a.status().isCurrent()).findFirst();
        if (current.isPresent() && current.get().status() == AnnouncementStatus.DUE) {
            card.add(new Paragraph(Badges.of(getTranslation("announcementStatus.DUE"), "badge error primary")));
        } else if (current.isPresent()) {
            card.add(new Paragraph(getTranslation("dashboard.announcement.current", current.get().number(),
                    Formats.date(current.get().decidedOn()))));
        }
        card.add(new Paragraph(ready.isReady() ? getTranslation("announcement.ready")
                : getTranslation("announcement.notReady", ready.unmet().size())));
        card.add(new Anchor("announcement", getTranslation("dashboard.announcement.open")));
        return card;
    }

    private Div card(String titleKey) {
        Div card = new Div(new H3(getTranslation(titleKey)));
        card.addClassName("card");
        return card;
    }

    @Override
    public String titleKey() {
        return "nav.dashboard";
    }
}
