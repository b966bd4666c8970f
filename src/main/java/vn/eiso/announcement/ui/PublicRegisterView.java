package vn.eiso.announcement.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.PublicAnnouncement;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.LanguageSwitch;
import vn.eiso.signature.SignatureBadge;
import vn.eiso.signature.SignatureReport;

/**
 * The public register of conformity announcements, for citizens and the ministry, without login. It shows what
 * each announcement says and the decision itself; nothing internal reaches this page.
 */
@Route(value = Announcements.PUBLIC_ROUTE, autoLayout = false)
@AnonymousAllowed
class PublicRegisterView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    /** One card per decision: it reads on a phone as well as on a desk. */
    final Div list = new Div();
    List<PublicAnnouncement> shown = List.of();
    final TextField filter = new TextField();
    private final List<PublicAnnouncement> all;
    private final Announcements announcements;
    /** The kept verdicts on each announcement's published PDF. */
    private final Map<Long, SignatureReport> signatures;
    private final ZoneId zone;

    PublicRegisterView(Announcements announcements, Clock clock) {
        this.announcements = announcements;
        this.zone = clock.getZone();
        addClassName("public-register");
        all = announcements.publicRegister();
        signatures = announcements.publicSignatures();
        Span emblem = new Span("ISO");
        emblem.addClassName("brand-emblem");
        HorizontalLayout header = new HorizontalLayout(emblem, new H1(getTranslation("publicRegister.title")));
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        Div language = new Div(new LanguageSwitch(tag -> { }));
        language.addClassName("public-language");
        header.add(language);
        filter.setPlaceholder(getTranslation("publicRegister.filter"));
        filter.setAriaLabel(getTranslation("publicRegister.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("min(28rem, 100%)");
        filter.addValueChangeListener(e -> show());
        list.addClassName("public-list");
        add(header, new Paragraph(getTranslation("publicRegister.help")), filter, list,
                new Anchor("login", getTranslation("publicRegister.signIn")));
        show();
    }

    /** {@code cong-bo/42} shows decision 42 alone: where a search hit for it leads. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id == null) {
            return;
        }
        shown = all.stream().filter(a -> a.id() == id).toList();
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new Paragraph(getTranslation("publicRegister.empty")));
        }
        shown.forEach(a -> list.add(card(a)));
    }

    private void show() {
        // The search index ranks the decisions, reads "giay phep" as "giấy phép" and finds codes as typed; it is
        // asked anonymously, so it finds published decisions only, whoever is signed in on this browser.
        String text = filter.getValue().strip();
        shown = text.isEmpty() ? all : announcements.searchPublicRegister(text);
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new Paragraph(getTranslation("publicRegister.empty")));
        }
        shown.forEach(a -> list.add(card(a)));
    }

    private Div card(PublicAnnouncement a) {
        Div card = new Div();
        card.addClassName("public-card");
        H2 unit = new H2(a.unitName());
        Span decision = new Span(getTranslation("publicRegister.decisionOf", a.number(), Formats.date(a.decidedOn())));
        decision.addClassName("public-decision");
        HorizontalLayout head = new HorizontalLayout(decision, AnnouncementBadges.status(a.status(), this));
        // Citizens see whose digital signature the published decision carries, as checked by eISO.
        SignatureBadge.ofSigned(Optional.ofNullable(signatures.get(a.id())), this::getTranslation, zone)
                .ifPresent(b -> head.add(Badges.of(b.text(), b.theme(), b.details())));
        head.setAlignItems(Alignment.BASELINE);
        head.setWrap(true);
        Div scope = new Div();
        scope.addClassName("public-scope");
        a.scopeText().lines().forEach(line -> scope.add(new Div(line)));
        Anchor pdf = new Anchor("/public/announcements/" + a.id() + "/decision",
                getTranslation("publicRegister.decision"));
        pdf.setTarget("_blank");
        card.add(unit, head, new Span(getTranslation("publicRegister.scope")), scope, pdf);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publicRegister.title") + " · eISO";
    }
}
