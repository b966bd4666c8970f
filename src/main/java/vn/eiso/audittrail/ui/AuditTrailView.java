package vn.eiso.audittrail.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import vn.eiso.audittrail.AuditEntry;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Role;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;

/** The audit trail, newest first, loaded page by page as the administrator scrolls. */
@Route("admin/audit-trail")
@Menu(order = 12, icon = "vaadin:records", title = "nav.auditTrail")
@RolesAllowed(Role.Names.ADMINISTRATOR)
class AuditTrailView extends VerticalLayout implements TitledView {

    final Grid<AuditEntry> grid = new Grid<>();
    final TextField actor = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();

    AuditTrailView(AuditTrail trail, Clock clock) {
        addClassName("list-view");
        setSizeFull();
        actor.setLabel(getTranslation("audit.actor"));
        actor.setClearButtonVisible(true);
        actor.setPrefixComponent(VaadinIcon.USER.create());
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.action"));
        action.setItems(trail.actions());
        action.setItemLabelGenerator(a -> getTranslation("action." + a));
        action.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        List.of(from, to).forEach(p -> {
            DatePickers.localise(p);
            p.setClearButtonVisible(true);
        });
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to);
        filters.addClassName("toolbar");
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), clock.getZone())).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("action." + e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> e.targetType() == null ? "" : e.targetType() + " " + nullToEmpty(e.targetId()))
                .setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(e -> nullToEmpty(e.details())).setHeader(getTranslation("audit.details")).setFlexGrow(3);
        grid.setSizeFull();
        grid.setItems(query -> trail.find(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> trail.count(filter()));

        actor.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> refreshDates());
        to.addValueChangeListener(e -> refreshDates());
        add(filters, grid);
    }

    private boolean datesInWrongOrder() {
        return from.getValue() != null && to.getValue() != null && from.getValue().isAfter(to.getValue());
    }

    private void refreshDates() {
        boolean wrongOrder = datesInWrongOrder();
        to.setInvalid(wrongOrder);
        to.setErrorMessage(wrongOrder ? getTranslation("error.dateRange") : null);
        if (!wrongOrder) {
            grid.getDataProvider().refreshAll();
        }
    }

    private AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), from.getValue(),
                datesInWrongOrder() ? null : to.getValue());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String titleKey() {
        return "nav.auditTrail";
    }
}
