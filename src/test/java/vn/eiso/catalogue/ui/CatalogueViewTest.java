package vn.eiso.catalogue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.support.UiTest;

class CatalogueViewTest extends UiTest {

    @Autowired
    TthcCatalogue catalogue;

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_takes_a_procedure_from_a_unit_and_gives_it_back() {
        CurrentUnit.set(unit("STP"));
        CatalogueView view = navigate(CatalogueView.class);
        var items = view.grid.getGenericDataView().getItems().toList();
        Tthc procedure = items.stream().filter(t -> t.code().equals("2.001417")).findFirst().orElseThrow();
        int row = items.indexOf(procedure);
        int column = view.grid.getColumns().size() - 1;
        assertThat(((Button) test(view.grid).getCellComponent(row, column)).getText()).isEqualTo("Bỏ khỏi đơn vị");

        test((Button) test(view.grid).getCellComponent(row, column)).click();

        assertThat(notifications()).contains("Đã bỏ thủ tục khỏi đơn vị đang làm việc");
        assertThat(catalogue.handledBy(unit("STP"))).doesNotContain(procedure.id());
        assertThat(((Button) test(view.grid).getCellComponent(row, column)).getText()).isEqualTo("Gắn với đơn vị");
        test((Button) test(view.grid).getCellComponent(row, column)).click();
        assertThat(catalogue.handledBy(unit("STP"))).contains(procedure.id());
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_unit_reads_the_catalogue_and_its_coverage_but_corrects_nothing() {
        CurrentUnit.set(unit("STP"));
        CatalogueView view = navigate(CatalogueView.class);
        assertThat(view.grid.getGenericDataView().getItems()).hasSizeGreaterThan(100);
        assertThat(view.coverage.getElement().getTextRecursively()).contains("thủ tục có quy trình đang hiệu lực")
                .contains("1 mã TTHC tài liệu viện dẫn không có trong danh mục (cần sửa)")
                .contains("1.000775 — viện dẫn trong: QT-06");
        // The code registered before the catalogue links to the document that cites it, to be corrected there.
        Anchor correction = find(Anchor.class).withClassName("correction-link").single();
        assertThat(correction.getText()).isEqualTo("QT-06");
        assertThat(correction.getHref()).matches("document/[0-9]+");
        assertThat(view.grid.getColumns()).hasSize(6);
    }
}
