package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.organisation.Restructuring;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitImport;
import vn.eiso.support.UiTest;

class UnitsViewTest extends UiTest {

    @Autowired
    Restructuring restructuring;

    @Autowired
    UnitImport unitImport;

    private static String code() {
        return "V-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static boolean shows(UnitsView view, String code) {
        return view.grid.getTreeData().getRootItems().stream().anyMatch(root -> contains(view, root, code));
    }

    private static boolean contains(UnitsView view, Unit unit, String code) {
        return unit.code().equals(code)
                || view.grid.getTreeData().getChildren(unit).stream().anyMatch(c -> contains(view, c, code));
    }

    private UnitDialog addDialog(UnitsView view, String code, String name) {
        test(find(Button.class).withText("Thêm đơn vị").single()).click();
        UnitDialog dialog = find(UnitDialog.class).last();
        test(dialog.code).setValue(code);
        test(dialog.name).setValue(name);
        test(dialog.type).selectItem("Xã, phường");
        dialog.parent.setValue(dialog.parent.getListDataView().getItems()
                .filter(u -> u.code().equals("HOAAN")).findFirst().orElseThrow());
        return dialog;
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_adds_a_unit_through_the_dialog() {
        UnitsView view = navigate(UnitsView.class);
        String code = code();
        UnitDialog dialog = addDialog(view, code, "Ủy ban nhân dân xã Tân Lập");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(shows(view, code)).isTrue();
        assertThat(notifications()).contains("Đã lưu đơn vị");
    }

    @Test
    @WithUserDetails("admin")
    void a_duplicate_code_keeps_the_dialog_open_with_the_reason() {
        UnitsView view = navigate(UnitsView.class);
        UnitDialog dialog = addDialog(view, "STP", "Trùng mã");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(notifications()).contains("Mã đơn vị „STP“ đã được sử dụng");
    }

    @Test
    @WithUserDetails("admin")
    void archiving_asks_first_and_then_hides_the_unit_from_the_active_list() {
        UnitsView view = navigate(UnitsView.class);
        String code = code();
        test(addDialog(view, code, "Sẽ lưu trữ").save).click();
        Unit unit = view.grid.getTreeData().getRootItems().stream()
                .flatMap(r -> view.grid.getTreeData().getChildren(r).stream())
                .filter(u -> u.code().equals(code)).findFirst().orElseThrow();

        view.confirmArchive(unit);
        ConfirmDialog confirm = find(ConfirmDialog.class).last();
        test(confirm).confirm();

        assertThat(shows(view, code)).isFalse();
        test(view.statusFilter).selectItem("Đã lưu trữ");
        assertThat(shows(view, code)).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void the_search_folds_diacritics_and_keeps_the_path_to_the_root() {
        UnitsView view = navigate(UnitsView.class);
        test(view.search).setValue("so tu phap");

        assertThat(view.grid.getTreeData().getRootItems()).extracting(Unit::code).containsExactly("HOAAN");
        assertThat(view.grid.getTreeData().getChildren(view.grid.getTreeData().getRootItems().getFirst()))
                .extracting(Unit::code).containsExactly("STP");
    }

    @Test
    @WithUserDetails("admin")
    void an_import_with_bad_lines_offers_only_the_valid_lines_and_imports_them_when_confirmed() {
        UnitsView view = navigate(UnitsView.class);
        test(find(Button.class).withText("Nhập từ CSV/Excel").single()).click();
        UnitImportDialog dialog = find(UnitImportDialog.class).single();
        String good = code();
        String file = good + ",Xã Mới,COMMUNE,HOAAN\n" + code() + ",Xã Lạc,COMMUNE,KHONG-CO\n";
        dialog.check(unitImport, "don-vi.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(dialog.summary.getText()).isEqualTo("1 dòng hợp lệ, 1 dòng lỗi");
        assertThat(dialog.importAll.isEnabled()).isFalse();
        assertThat(shows(view, good)).isFalse();

        test(dialog.importValid).click();
        test(find(ConfirmDialog.class).last()).confirm();

        assertThat(notifications()).contains("Đã nhập 1 đơn vị");
        assertThat(shows(view, good)).isTrue();
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_reads_the_units_without_changing_them() {
        UnitsView view = navigate(UnitsView.class);
        assertThat(find(Button.class).withText("Thêm đơn vị").exists()).isFalse();
        assertThat(find(Button.class).withAriaLabel("Lưu trữ").exists()).isFalse();
        assertThat(view.grid.getTreeData().getRootItems()).extracting(Unit::code).containsExactly("HOAAN");
    }

    @Test
    @WithUserDetails("admin")
    @Transactional
    void the_administrator_merges_two_communes_after_seeing_what_moves_and_confirming() {
        UnitsView view = navigate(UnitsView.class);
        test(find(Button.class).withText("Sáp nhập đơn vị").single()).click();
        MergeDialog dialog = find(MergeDialog.class).single();
        Unit tanPhu = units.byCode("X-TANPHU");
        Unit phuHoa = units.byCode("X-PHUHOA");
        int documents = restructuring.counts(tanPhu.id()).get("DOCUMENT");
        dialog.predecessors.setValue(java.util.Set.of(tanPhu));
        assertThat(dialog.preview.getElement().getTextRecursively()).contains("Ủy ban nhân dân xã Tân Phú:")
                .contains("Tài liệu " + documents);
        dialog.successor.setValue(phuHoa);
        test(dialog.merge).click();
        test(find(ConfirmDialog.class).last()).confirm();
        assertThat(notifications()).contains("Đã sáp nhập đơn vị");
        assertThat(units.byCode("X-TANPHU").isActive()).isFalse();
        LineageDialog lineage = new LineageDialog(restructuring, phuHoa, java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(lineage.grid.getListDataView().getItems()).singleElement()
                .satisfies(l -> assertThat(l.predecessorName()).isEqualTo("Ủy ban nhân dân xã Tân Phú"));
        assertThat(view).isNotNull();
    }

    @Test
    @WithUserDetails("admin")
    @Transactional
    void a_split_that_archives_the_source_must_place_every_item_and_then_moves_them_all() {
        Unit source = units.byCode("X-TANPHU");
        Unit target = units.byCode("X-BINHTHANH");
        int items = restructuring.holdingsOf(source.id()).size();
        SplitDialog dialog = new SplitDialog(restructuring, source, units.all(), () -> { });
        dialog.open();
        dialog.targets.setValue(java.util.Set.of(target));
        dialog.archiveSource.setValue(true);
        dialog.plan.put(dialog.grid.getListDataView().getItems().findFirst().orElseThrow(), target);
        test(find(Button.class).withText("Chia tách").last()).click();
        test(find(ConfirmDialog.class).last()).confirm();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Còn " + (items - 1) + " mục"));
        assertThat(units.byCode("X-TANPHU").isActive()).isTrue();

        dialog.all.setValue(target);
        test(find(Button.class).withText("Chia tách").last()).click();
        test(find(ConfirmDialog.class).last()).confirm();
        assertThat(notifications()).contains("Đã chia tách đơn vị");
        assertThat(units.byCode("X-TANPHU").isActive()).isFalse();
        assertThat(restructuring.holdingsOf(target.id())).hasSizeGreaterThanOrEqualTo(items);
    }
}
