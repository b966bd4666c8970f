package vn.eiso.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import vn.eiso.base.DiffRow;

/** Two texts side by side, line by line, with the changed lines marked and a switch to show only those. */
public class DiffDialog extends Dialog {

    public final Grid<DiffRow> rows = new Grid<>();
    public final Span summary = new Span();

    public DiffDialog(String title, String leftHeader, String rightHeader, List<DiffRow> all) {
        setHeaderTitle(title);
        setWidth("min(80rem, 100vw)");
        setHeight("85vh");
        long changed = all.stream().filter(r -> r.kind() != DiffRow.Kind.SAME).count();
        summary.setText(getTranslation("diff.summary", changed));
        Checkbox onlyChanges = new Checkbox(getTranslation("diff.onlyChanges"));
        rows.addColumn(DiffRow::left).setHeader(leftHeader).setFlexGrow(1);
        rows.addColumn(DiffRow::right).setHeader(rightHeader).setFlexGrow(1);
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
