package vn.eiso.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.library.ModelLibrary;
import vn.eiso.base.DiffRow;
import vn.eiso.base.ui.DiffDialog;
import vn.eiso.library.Model;
import vn.eiso.support.UiTest;

/** A quality officer adopts a model and compares; the department publishes and revises. */
@Transactional
class ModelLibraryViewTest extends UiTest {

    @Autowired
    ModelLibrary library;

    private static Model model(ModelLibraryView view, String code) {
        return view.grid.getListDataView().getItems().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_quality_officer_adopts_a_model_and_compares_the_draft_with_it() {
        ModelLibraryView view = navigate(ModelLibraryView.class);
        view.grid.select(model(view, "QT-M02"));
        test(find(Button.class, view.details).id("model-adopt")).click();
        test(find(TextField.class).id("model-adopt-code")).setValue("QT-07");
        test(find(Button.class).id("model-adopt-save")).click();
        assertThat(notifications()).contains("Đã tạo dự thảo từ mẫu trong danh mục tài liệu của đơn vị.");
        assertThat(find(Anchor.class, view.details).all()).anyMatch(a -> a.getText().equals("Mở tài liệu QT-07"));

        test(find(Button.class, view.details).id("model-compare")).click();
        DiffDialog diff = find(DiffDialog.class).single();
        assertThat(diff.rows.getGenericDataView().getItems()).isNotEmpty()
                .allMatch(r -> r.kind() == DiffRow.Kind.SAME);
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_department_is_told_what_is_missing_and_publishes_a_revision() {
        ModelLibraryView view = navigate(ModelLibraryView.class);
        view.openPublish();
        test(find(Button.class).id("model-publish-save")).click();
        assertThat(notifications()).contains("Nhập mã mẫu.");

        view.grid.select(model(view, "QT-M02"));
        test(find(Button.class, view.details).id("model-revise")).click();
        test(find(TextArea.class).id("model-revise-text")).setValue("1. MỤC ĐÍCH\nBản sửa đổi.");
        test(find(Button.class).id("model-revise-save")).click();
        assertThat(notifications()).contains("Nêu nội dung sửa đổi.");
        test(find(TextField.class).id("model-revise-summary")).setValue("Rút gọn");
        test(find(Button.class).id("model-revise-save")).click();
        assertThat(model(view, "QT-M02").currentRevision()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("thuky.xa")
    void a_search_hit_opens_its_model_in_the_library() {
        Model model = library.models().getLast();
        ModelLibraryView view = navigate("model-library/" + model.id(), ModelLibraryView.class);
        assertThat(view.grid.getSelectedItems()).containsExactly(model);
    }
}
