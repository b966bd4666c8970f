package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.audit.AuditPlan;
import vn.eiso.audit.AuditorPool;
import vn.eiso.audit.Audits;
import vn.eiso.audit.IsoClause;
import vn.eiso.audit.Person;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.document.DocumentSummary;

/**
 * Plans one audit: scope (procedures in force, clauses), criteria, dates and an impartial team. The service refuses
 * a team member who may not audit this unit or these procedures, with the reason; the dialog stays open to fix it.
 */
class AuditPlanDialog extends Dialog {

    final TextField title = new TextField();
    final TextArea criteria = new TextArea();
    final DatePicker startsOn = new DatePicker();
    final DatePicker endsOn = new DatePicker();
    final MultiSelectComboBox<DocumentSummary> procedures = new MultiSelectComboBox<>();
    final MultiSelectComboBox<IsoClause> clauses = new MultiSelectComboBox<>();
    final ComboBox<Person> lead = new ComboBox<>();
    final MultiSelectComboBox<Person> team = new MultiSelectComboBox<>();
    final Button save;

    AuditPlanDialog(Audits audits, AuditorPool pool, UnitId unit, LocalDate today, Runnable planned) {
        setHeaderTitle(getTranslation("audits.plan"));
        setWidth("min(48rem, 100vw)");
        title.setId("audit-title");
        criteria.setId("audit-criteria");
        startsOn.setId("audit-starts");
        endsOn.setId("audit-ends");
        procedures.setId("audit-procedures");
        clauses.setId("audit-clauses");
        lead.setId("audit-lead");
        team.setId("audit-team");
        title.setLabel(getTranslation("audit.title"));
        title.setMaxLength(500);
        title.setRequired(true);
        criteria.setLabel(getTranslation("audit.criteria"));
        criteria.setValue(getTranslation("audit.criteria.default"));
        startsOn.setLabel(getTranslation("audit.startsOn"));
        endsOn.setLabel(getTranslation("audit.endsOn"));
        DatePickers.localise(startsOn);
        DatePickers.localise(endsOn);
        // Two weeks ahead by default, kept inside the programme year.
        LocalDate start = today.plusDays(15).getYear() == today.getYear() ? today.plusDays(14) : today;
        startsOn.setValue(start);
        endsOn.setValue(start.plusDays(start.equals(today) ? 0 : 1));
        procedures.setLabel(getTranslation("audit.scope.procedures"));
        procedures.setItems(audits.procedures(unit));
        procedures.setItemLabelGenerator(d -> d.code() + " · " + d.title());
        clauses.setLabel(getTranslation("audit.scope.clauses"));
        List<IsoClause> all = audits.clauses();
        clauses.setItems(all);
        clauses.setItemLabelGenerator(c -> (c.isTopLevel() ? "" : "  ") + c.code() + " " + c.title(getLocale()));
        List<Person> auditors = pool.eligible();
        lead.setLabel(getTranslation("audit.lead"));
        lead.setItems(auditors);
        lead.setItemLabelGenerator(AuditPlanDialog::label);
        team.setLabel(getTranslation("audit.team"));
        team.setItems(auditors);
        team.setItemLabelGenerator(AuditPlanDialog::label);
        FormLayout form = new FormLayout(title, criteria, startsOn, endsOn, procedures, clauses, lead, team);
        form.setColspan(title, 2);
        form.setColspan(criteria, 2);
        form.setColspan(procedures, 2);
        form.setColspan(clauses, 2);
        add(form);
        save = Dialogs.footer(this, getTranslation("audits.plan.save"), () -> audits.plan(unit, new AuditPlan(
                title.getValue(), criteria.getValue(), startsOn.getValue(), endsOn.getValue(),
                lead.getValue() == null ? null : lead.getValue().id(),
                team.getValue().stream().map(Person::id).collect(Collectors.toSet()),
                procedures.getValue().stream().map(DocumentSummary::id).collect(Collectors.toSet()),
                clauses.getValue().stream().map(IsoClause::code).collect(Collectors.toCollection(LinkedHashSet::new)))),
                getTranslation("audits.planned"), planned, new FieldErrors()
                        .on("error.audit.titleRequired", title).on("error.audit.criteriaRequired", criteria)
                        .on("error.audit.datesRequired", startsOn).on("error.audit.dateOrder", endsOn)
                        .on("error.audit.sameYear", endsOn).on("error.audit.scopeRequired", procedures)
                        .on("error.audit.scopeForeign", procedures).on("error.audit.clauseUnknown", clauses)
                        .on("error.audit.leadRequired", lead));
        // Impartiality refusals name the person (lead or team member) and show in the dialog's error line.
        save.setId("audit-plan-save");
    }

    private static String label(Person person) {
        return person.unitName() == null || person.unitName().isBlank() ? person.name()
                : person.name() + " · " + person.unitName();
    }
}
