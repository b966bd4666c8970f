package vn.eiso.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.DatePickers;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.TitledView;

/** The unit's management reviews; preparing one fills every 9.3 input from the system's figures. */
@Route("management-reviews")
@Menu(order = 7, icon = "vaadin:group", title = "nav.reviews")
@PermitAll
class ReviewsView extends VerticalLayout implements TitledView {

    final Grid<ManagementReview> grid = new Grid<>();

    ReviewsView(ManagementReviews reviews, Clock clock) {
        Optional<UnitId> current = CurrentUnit.forListView(this);
        if (current.isEmpty()) {
            return;
        }
        UnitId unit = current.get();
        grid.addComponentColumn(r -> new Anchor("management-review/" + r.id().value(), r.title()))
                .setHeader(getTranslation("review.title")).setFlexGrow(3);
        grid.addColumn(r -> Formats.date(r.heldOn())).setHeader(getTranslation("review.heldOn")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("reviewStatus." + r.status())).setHeader(getTranslation("review.status"))
                .setAutoWidth(true);
        grid.setItems(reviews.ofUnit(unit));
        grid.setSizeFull();
        add(new Paragraph(getTranslation("reviews.help")));
        if (reviews.canEdit(unit)) {
            Button prepare = new Button(getTranslation("reviews.prepare"), VaadinIcon.PLUS.create(),
                    e -> openPrepare(reviews, unit, LocalDate.now(clock)));
            prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(prepare);
        }
        add(grid);
    }

    private void openPrepare(ManagementReviews reviews, UnitId unit, LocalDate today) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("reviews.prepare"));
        TextField title = new TextField(getTranslation("review.title"));
        title.setValue(getTranslation("review.title.default", today.getYear()));
        title.setMaxLength(500);
        DatePicker heldOn = new DatePicker(getTranslation("review.heldOn"));
        DatePickers.localise(heldOn);
        heldOn.setValue(today);
        FormLayout form = new FormLayout(title, heldOn);
        dialog.add(form);
        Dialogs.footer(dialog, getTranslation("reviews.prepare"), () -> {
            ManagementReview review = reviews.prepare(unit, heldOn.getValue(), title.getValue());
            getUI().ifPresent(ui -> ui.navigate("management-review/" + review.id().value()));
        }, getTranslation("reviews.prepared"), () -> { });
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.reviews";
    }
}
