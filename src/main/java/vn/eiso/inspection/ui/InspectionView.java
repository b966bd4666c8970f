package vn.eiso.inspection.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;
import vn.eiso.inspection.Finding;
import vn.eiso.inspection.Inspection;
import vn.eiso.inspection.Inspections;

/**
 * One inspection as its page, where a search hit opens it: the inspected unit reads its own inspections here
 * (the department's list, where inspections are planned and closed, is the department's alone); each finding
 * links to the nonconformity it opened.
 */
@Route("inspection")
@PermitAll
class InspectionView extends VerticalLayout implements HasUrlParameter<Long>, TitledView {

    private final Inspections inspections;

    InspectionView(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        Inspection inspection = inspections.get(id);
        removeAll();
        add(new H2(Formats.date(inspection.plannedOn()) + " · " + inspection.unitName()),
                Badges.of(getTranslation("inspectionStatus." + inspection.status()),
                        inspection.status() == Inspection.Status.DONE ? "badge success" : "badge"),
                new Paragraph(getTranslation("inspection.purpose") + ": " + inspection.purpose()));
        if (inspection.inspectors() != null) {
            add(new Paragraph(getTranslation("inspection.inspectors") + ": " + inspection.inspectors()));
        }
        UnorderedList findings = new UnorderedList();
        for (Finding f : inspections.findings(inspection.id())) {
            findings.add(new ListItem(new Anchor("nonconformity/" + f.nonconformity().value(),
                    f.nonconformity().label()), new Text(" · " + f.description())));
        }
        add(new Paragraph(getTranslation("inspection.findings") + ": " + inspection.findings()), findings);
        if (inspection.conclusion() != null) {
            add(new Paragraph(getTranslation("inspection.conclusion") + ": " + inspection.conclusion()));
        }
    }

    @Override
    public String titleKey() {
        return "nav.inspections";
    }
}
