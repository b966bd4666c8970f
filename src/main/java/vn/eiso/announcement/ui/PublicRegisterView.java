package vn.eiso.announcement.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.PublicAnnouncement;
import vn.eiso.base.TextFolding;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.LanguageSwitch;

/**
 * The public register of conformity announcements, for citizens and the ministry, without login. It shows what
 * each announcement says and the decision itself; nothing internal reaches this page.
 */
@Route(value = Announcements.PUBLIC_ROUTE, autoLayout = false)
@AnonymousAllowed
class PublicRegisterView extends VerticalLayout implements HasDynamicTitle {

    final Grid<PublicAnnouncement> grid = new Grid<>();
    final TextField filter = new TextField();
    private final List<PublicAnnouncement> all;

    PublicRegisterView(Announcements announcements) {
        addClassName("public-register");
        all = announcements.publicRegister();
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
        grid.addColumn(PublicAnnouncement::unitName).setHeader(getTranslation("publicRegister.unit")).setFlexGrow(2);
        grid.addColumn(PublicAnnouncement::number).setHeader(getTranslation("announcement.number")).setAutoWidth(true);
        grid.addColumn(a -> Formats.date(a.decidedOn())).setHeader(getTranslation("announcement.date"))
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Div scope = new Div();
            scope.addClassName("public-scope");
            a.scopeText().lines().forEach(line -> scope.add(new Div(line)));
            return scope;
        }).setHeader(getTranslation("publicRegister.scope")).setFlexGrow(3);
        grid.addComponentColumn(a -> AnnouncementBadges.status(a.status(), this))
                .setHeader(getTranslation("announcement.status")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Anchor pdf = new Anchor("/public/announcements/" + a.id() + "/decision",
                    getTranslation("publicRegister.decision"));
            pdf.setTarget("_blank");
            return pdf;
        }).setHeader(getTranslation("publicRegister.decision")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("publicRegister.empty"));
        grid.setAllRowsVisible(true);
        add(header, new Paragraph(getTranslation("publicRegister.help")), filter, grid,
                new Anchor("login", getTranslation("publicRegister.signIn")));
        show();
    }

    private void show() {
        String text = TextFolding.fold(filter.getValue());
        grid.setItems(all.stream().filter(a -> text.isEmpty() || TextFolding.fold(a.unitName() + " " + a.number()
                + " " + a.scopeText()).contains(text)).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publicRegister.title") + " · eISO";
    }
}
