package vn.eiso.planning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risk;
import vn.eiso.planning.RiskId;
import vn.eiso.planning.RiskData;
import vn.eiso.planning.Risks;

/** The risks and opportunities register: scored likelihood × impact, actions, and when to look again. */
@Route("risks")
@Menu(order = 9, icon = "vaadin:scale-unbalance", title = "nav.risks")
@PermitAll
class RisksView extends VerticalLayout implements TitledView, HasUrlParameter<Long> {

    final Grid<Risk> grid = new Grid<>();
    private final Risks risks;
    private final Nonconformities nonconformities;
    private final UserService users;
    private final LocalDate today;
    private final Objectives objectives;
    private UnitId unit;
    /** Whether the caller keeps this unit's register; read again when a search hit opens another unit's. */
    private boolean manager;
    private Button add;

    RisksView(Risks risks, Objectives objectives, Nonconformities nonconformities, UserService users, Clock clock) {
        this.risks = risks;
        this.objectives = objectives;
        this.nonconformities = nonconformities;
        this.users = users;
        this.today = LocalDate.now(clock);
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        unit = current.get();
        manager = objectives.canManage(unit);
        grid.addColumn(r -> getTranslation("riskKind." + r.kind())).setHeader(getTranslation("risk.kind"))
                .setAutoWidth(true);
        grid.addColumn(Risk::title).setHeader(getTranslation("risk.title")).setFlexGrow(3);
        grid.addColumn(r -> r.process() == null ? "" : r.process()).setHeader(getTranslation("risk.process"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::score).setHeader(getTranslation("risk.score")).setAutoWidth(true);
        grid.addColumn(r -> r.actions() == null ? "" : r.actions()).setHeader(getTranslation("risk.actions"))
                .setFlexGrow(2);
        grid.addComponentColumn(r -> r.isReviewOverdue(today)
                        ? Badges.of(Formats.date(r.reviewOn()), "badge error primary") : new Span(Formats.date(r.reviewOn())))
                .setHeader(getTranslation("risk.reviewOn")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("riskStatus." + r.status())).setHeader(getTranslation("risk.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.nonconformityId() == null ? "" : "NC-" + r.nonconformityId())
                .setHeader(getTranslation("risk.nonconformity")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button edit = new Button(getTranslation("common.edit"), e -> openEdit(r));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setVisible(manager);
            return edit;
        }).setAutoWidth(true);
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new Paragraph(getTranslation("risks.help")));
        add = new Button(getTranslation("risks.add"), VaadinIcon.PLUS.create(), e -> openEdit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(manager);
        add(add);
        add(grid);
        grid.setItems(risks.ofUnit(unit));
    }

    /**
     * {@code risks/42} opens entry 42 (a search hit), in its own unit's register: the science department reads
     * every unit's register but works in its own.
     */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id == null || unit == null) {
            return;
        }
        Risk wanted = risks.get(new RiskId(id));
        if (!wanted.unitId().equals(unit)) {
            unit = wanted.unitId();
            manager = objectives.canManage(unit);
            add.setVisible(manager);
            grid.setItems(risks.ofUnit(unit));
        }
        grid.select(wanted);
        grid.scrollToItem(wanted);
    }

    private Component score(Risk r) {
        String text = r.likelihood() + " × " + r.impact() + " = " + r.score();
        if (r.kind() == Risk.Kind.OPPORTUNITY) {
            return Badges.of(text, r.isHigh() ? "badge success primary" : "badge success");
        }
        return Badges.of(text, r.isHigh() ? "badge error primary" : r.score() >= 6 ? "badge error" : "badge success");
    }

    void openEdit(Risk existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "risks.add" : "common.edit"));
        dialog.setWidth("min(44rem, 100vw)");
        Select<Risk.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("risk.kind"));
        kind.setItems(Risk.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("riskKind." + k));
        kind.setValue(Risk.Kind.RISK);
        TextField title = new TextField(getTranslation("risk.title"));
        title.setMaxLength(500);
        TextField process = new TextField(getTranslation("risk.process"));
        List<Integer> scale = IntStream.rangeClosed(1, 5).boxed().toList();
        Select<Integer> likelihood = new Select<>();
        likelihood.setLabel(getTranslation("risk.likelihood"));
        likelihood.setItems(scale);
        likelihood.setValue(3);
        Select<Integer> impact = new Select<>();
        impact.setLabel(getTranslation("risk.impact"));
        impact.setItems(scale);
        impact.setValue(3);
        TextArea actions = new TextArea(getTranslation("risk.actions"));
        ComboBox<Membership> owner = new ComboBox<>(getTranslation("risk.owner"));
        List<Membership> members = users.peopleOf(unit);
        owner.setItems(members);
        owner.setItemLabelGenerator(Membership::fullName);
        DatePicker reviewOn = new DatePicker(getTranslation("risk.reviewOn"));
        DatePickers.localise(reviewOn);
        reviewOn.setValue(today.plusMonths(6));
        Select<Risk.Status> status = new Select<>();
        status.setLabel(getTranslation("risk.status"));
        status.setItems(Risk.Status.values());
        status.setItemLabelGenerator(s -> getTranslation("riskStatus." + s));
        status.setValue(Risk.Status.OPEN);
        ComboBox<Nonconformity> nc = new ComboBox<>(getTranslation("risk.nonconformity"));
        List<Nonconformity> ncs = nonconformities.ofUnit(unit, false);
        nc.setItems(ncs);
        nc.setItemLabelGenerator(n -> n.id().label() + " · " + n.description());
        nc.setHelperText(getTranslation("risk.nonconformity.help"));
        if (existing != null) {
            kind.setValue(existing.kind());
            title.setValue(existing.title());
            process.setValue(existing.process() == null ? "" : existing.process());
            likelihood.setValue(existing.likelihood());
            impact.setValue(existing.impact());
            actions.setValue(existing.actions() == null ? "" : existing.actions());
            members.stream().filter(m -> m.userId().equals(existing.ownerId())).findFirst().ifPresent(owner::setValue);
            reviewOn.setValue(existing.reviewOn());
            status.setValue(existing.status());
            ncs.stream().filter(n -> Long.valueOf(n.id().value()).equals(existing.nonconformityId())).findFirst()
                    .ifPresent(nc::setValue);
        }
        FormLayout form = new FormLayout(kind, title, process, likelihood, impact, actions, owner, reviewOn, status, nc);
        form.setColspan(title, 2);
        form.setColspan(actions, 2);
        form.setColspan(nc, 2);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("common.save"), () -> {
            RiskData data = new RiskData(kind.getValue(), title.getValue(), process.getValue(),
                    likelihood.getValue(), impact.getValue(), actions.getValue(),
                    owner.getValue() == null ? null : owner.getValue().userId(), reviewOn.getValue(),
                    status.getValue(), nc.getValue() == null ? null : nc.getValue().id().value());
            if (existing == null) {
                risks.create(unit, data);
            } else {
                risks.update(existing.id(), existing.version(), data);
            }
        }, getTranslation("risk.saved"), () -> grid.setItems(risks.ofUnit(unit)));
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.risks";
    }
}
