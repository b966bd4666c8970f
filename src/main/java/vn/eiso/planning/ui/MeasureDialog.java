package vn.eiso.planning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.planning.Objective;
import vn.eiso.planning.Objectives;

/** Enters one measured value of an objective; what is not a number is refused by the service, with the reason. */
class MeasureDialog extends Dialog {

    final DatePicker on = new DatePicker();
    // A text field, not a number field: the service reads "95,5" as written and names what is not a number.
    final TextField value = new TextField();
    final TextField note = new TextField();
    final Button save;

    MeasureDialog(Objectives objectives, Objective objective, LocalDate today, Runnable saved) {
        setHeaderTitle(getTranslation("objective.measure") + " · " + objective.title());
        on.setLabel(getTranslation("objective.measuredOn"));
        DatePickers.localise(on);
        on.setValue(today);
        on.setMax(today);
        value.setLabel(getTranslation("objective.value"));
        value.setId("measure-value");
        value.setHelperText(objective.measureUnit());
        note.setLabel(getTranslation("objective.note"));
        note.setMaxLength(1000);
        add(new FormLayout(on, value, note));
        save = Dialogs.footer(this, getTranslation("common.save"),
                () -> objectives.measure(objective.id(), on.getValue(), value.getValue(), note.getValue()),
                getTranslation("objective.measured"), saved);
        save.setId("measure-save");
    }
}
