package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import vn.eiso.document.DiffRow;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;

/** Two revisions side by side, line by line: the written text, then the text of each attached file. */
class DiffDialog extends Dialog {

    final Grid<DiffRow> rows = new Grid<>();
    final Span summary = new Span();

    DiffDialog(RevisionWorkflow workflow, Revision older, Revision newer) {
        setHeaderTitle(getTranslation("diff.title", older.number(), newer.number()));
        setWidth("min(80rem, 100vw)");
        setHeight("85vh");
        List<DiffRow> all = workflow.diff(older.id(), newer.id());
        long changed = all.stream().filter(r -> r.kind() != DiffRow.Kind.SAME).count();
        summary.setText(getTranslation("diff.summary", changed));
        Checkbox onlyChanges = new Checkbox(getTranslation("diff.onlyChanges"));
        rows.addColumn(DiffRow::left).setHeader(getTranslation("diff.revision", older.number())).setFlexGrow(1);
        rows.addColumn(DiffRow::right).setHeader(getTranslation("diff.revision", newer.number())).setFlexGrow(1);
        rows.setPartNameGenerator(r -> switch (r.kind()) {
            case SAME -> null;
            case CHANGED -> "diff-changed";
            case ADDED -> "diff-added";
            case REMOVED -> "diff-removed";
        });
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        rows.setId("diff-rows");
        rows.setItems(all);
        rows.setSizeFull();
        onlyChanges.addValueChangeListener(e -> rows.setItems(e.getValue()
                ? all.stream().filter(r -> r.kind() != DiffRow.Kind.SAME).toList() : all));
        add(summary, onlyChanges, rows);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }
}
