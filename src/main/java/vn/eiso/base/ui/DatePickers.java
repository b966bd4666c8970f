package vn.eiso.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import java.util.List;

/** Date pickers that read and write dd/MM/yyyy, with month and day names in the user's language. */
public final class DatePickers {

    private DatePickers() {
    }

    public static void localise(DatePicker picker) {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setDateFormat("dd/MM/yyyy");
        i18n.setMonthNames(List.of(picker.getTranslation("date.months").split(",")));
        i18n.setWeekdays(List.of(picker.getTranslation("date.weekdays").split(",")));
        i18n.setWeekdaysShort(List.of(picker.getTranslation("date.weekdaysShort").split(",")));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("common.cancel"));
        picker.setI18n(i18n);
        picker.setPlaceholder("dd/mm/yyyy");
    }
}
