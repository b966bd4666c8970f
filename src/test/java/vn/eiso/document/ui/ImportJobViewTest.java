package vn.eiso.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobId;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.RegisterStatus;
import vn.eiso.inbox.Inbox;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.Imports;
import vn.eiso.support.UiTest;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/**
 * A commune's existing documents come in through the screen: the quality officer uploads a ZIP from the register,
 * follows the job on its page and reads every file's verdict; the head finds the batch in his work, confirms it with
 * his password, and the officer hears of it. Everything is asserted as the user reads it, in Vietnamese.
 */
class ImportJobViewTest extends UiTest {

    @Autowired
    ImportJobs imports;
    @Autowired
    DocumentRegister register;
    @Autowired
    Inbox inbox;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    @Test
    @WithUserDetails("thuky.xa")
    void the_officer_imports_a_zip_the_head_confirms_it_and_the_officer_hears_of_it() {
        UnitId tanPhu = unit("X-TANPHU");
        String n = Imports.freeNumber(register, tanPhu);
        String procedure = "QT-" + n;
        String form = "BM-" + n;
        String refused = "HD-" + n + " Hóa đơn.pdf";
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "quy-trinh.docx," + procedure + ",\"Quy trình tiếp nhận, trả kết quả\",PROCEDURE,2,15/01/2024\n"
                + "phieu.docx," + form + ",Phiếu theo dõi hồ sơ,FORM,,\n";
        byte[] zip = Files.zip("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "quy-trinh.docx", Files.docx("Bước 1: Tiếp nhận hồ sơ tại Bộ phận Một cửa"),
                "phieu.docx", Files.docx("Phiếu theo dõi"),
                refused, Files.windowsExecutable());
        inbox.markAllRead();

        // The officer opens the bulk import from the register and hands the archive over.
        CurrentUnit.set(tanPhu);
        navigate(DocumentsView.class);
        test(find(Button.class).withText("Nhập hàng loạt").single()).click();
        DocumentImportDialog dialog = find(DocumentImportDialog.class).single();
        dialog.start(imports, tanPhu, "tai-lieu-cu.zip", Imports.upload(zip));

        assertThat(dialog.isOpened()).isFalse();
        ImportJobView view = (ImportJobView) getCurrentView();
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith(ImportJobs.JOB_ROUTE + "/");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        ImportJob done = imports.await(new ImportJobId(id), Duration.ofSeconds(60));
        assertThat(done.state()).as("%s", done).isEqualTo(ImportJob.State.DONE);
        view.refresh();

        assertThat(view.counts.getText())
                .isEqualTo("Xong: nhập 2, bỏ qua 0, từ chối 1 · 1 phiên bản chờ thủ trưởng xác nhận");
        assertThat(view.started.getText()).startsWith("Người nhập: Võ Thị Lan · bắt đầu lúc ");
        assertThat(view.whileRunning.isVisible()).isFalse();
        assertThat(test(view.verdicts).getHeaderCell(3)).isEqualTo("Chi tiết");
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(view.progress.isIndeterminate()).isFalse();
        assertThat(view.verdicts.isVisible()).isTrue();
        assertThat(rows(view.verdicts)).contains(
                List.of("manifest.csv", "", "Thông tin", "Đã đọc bảng kê: 2 dòng"),
                List.of("quy-trinh.docx", procedure, "Đã nhập",
                        "Lần 2, hiệu lực từ 15/01/2024: chờ thủ trưởng xác nhận"),
                List.of("phieu.docx", form, "Đã nhập", "Nhập là dự thảo lần 1"));
        assertThat(rows(view.verdicts)).anySatisfy(row -> {
            assertThat(row.subList(0, 3)).containsExactly(refused, "HD-" + n, "Từ chối");
            assertThat(row.get(3)).startsWith("Tệp „" + refused + "“ có kiểu").contains("không được chấp nhận");
        });

        // The filter narrows the grid to what was refused, then to what waits for the head.
        test(view.show).selectItem("Bị từ chối (1)");
        assertThat(rows(view.verdicts)).extracting(row -> row.getFirst()).containsExactly(refused);
        test(view.show).selectItem("Chờ xác nhận (1)");
        assertThat(rows(view.verdicts)).extracting(row -> row.getFirst()).containsExactly("quy-trinh.docx");
        test(view.show).selectItem("Tất cả (4)");
        assertThat(test(view.verdicts).size()).isEqualTo(4);

        // The officer may not confirm what she imported herself.
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(document(tanPhu, procedure).registerStatus()).isEqualTo(RegisterStatus.IMPORTED);

        // The head finds the batch in his work and opens it from there.
        Accounts.signIn(userDetails, "lanhdao.xa");
        navigate(Worklist.ROUTE, Component.class);
        @SuppressWarnings("unchecked")
        Grid<WorkItem> work = find(Grid.class).single();
        int row = -1;
        for (int i = 0; i < test(work).size(); i++) {
            if (test(work).getRow(i).kind() == WorkItem.Kind.IMPORT_CONFIRMATION
                    && test(work).getRow(i).link().equals(ImportJobs.JOB_ROUTE + "/" + id)) {
                row = i;
            }
        }
        assertThat(row).as("the batch in the head's work").isNotNegative();
        assertThat(test(work).getCellText(row, 0)).isEqualTo("Xác nhận đợt nhập tài liệu");
        Anchor item = (Anchor) test(work).getCellComponent(row, 1);
        assertThat(item.getText()).isEqualTo("tai-lieu-cu.zip");
        navigate(item.getHref(), Component.class);
        view = (ImportJobView) getCurrentView();
        assertThat(view.confirm.isVisible()).isTrue();
        assertThat(view.confirm.getText()).isEqualTo("Xác nhận hiệu lực");

        // A wrong password keeps the dialog open with the reason on the field; the right one confirms.
        test(view.confirm).click();
        ImportJobView.ConfirmDialog confirm = find(ImportJobView.ConfirmDialog.class).single();
        assertThat(find(ListItem.class, confirm).all()).extracting(ListItem::getText).containsExactly(
                procedure + " lần 2, hiệu lực từ 15/01/2024 (tệp quy-trinh.docx)");
        test(confirm.password).setValue("sai-mat-khau");
        test(find(Button.class, confirm).withId("import-sign").single()).click();
        assertThat(confirm.isOpened()).isTrue();
        assertThat(confirm.password.isInvalid()).isTrue();
        assertThat(confirm.password.getErrorMessage()).isEqualTo("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        assertThat(confirm.password.getValue()).isEmpty();
        assertThat(document(tanPhu, procedure).registerStatus()).isEqualTo(RegisterStatus.IMPORTED);

        test(confirm.password).setValue(Accounts.DEMO_PASSWORD);
        test(find(Button.class, confirm).withId("import-sign").single()).click();
        assertThat(confirm.isOpened()).isFalse();
        assertThat(notifications()).contains("Đã xác nhận 1 phiên bản");
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(view.counts.getText()).startsWith("Xong: nhập 2, bỏ qua 0, từ chối 1 · đã được ")
                .endsWith(" xác nhận");
        assertThat(rows(view.verdicts)).contains(List.of("quy-trinh.docx", procedure, "Đã nhập",
                "Lần 2, có hiệu lực từ 15/01/2024 (thủ trưởng đã xác nhận)"));
        assertThat(view.show.getValue()).isEqualTo("all");
        test(view.show).selectItem("Đã xác nhận hiệu lực (1)");
        assertThat(rows(view.verdicts)).extracting(r -> r.getFirst()).containsExactly("quy-trinh.docx");
        DocumentSummary inForce = document(tanPhu, procedure);
        assertThat(inForce.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(inForce.effectiveRevision()).isEqualTo(2);
        assertThat(document(tanPhu, form).status()).isEqualTo(DocumentStatus.DRAFT);

        // The officer hears that the import finished and that the head confirmed it, in her bell.
        Accounts.signIn(userDetails, "thuky.xa");
        navigate(ImportsView.class);
        test(find(Button.class).withId("notice-bell").single()).click();
        List<String> notices = find(Anchor.class).all().stream().filter(a -> a.getHref().equals(
                ImportJobs.JOB_ROUTE + "/" + id)).map(Anchor::getText).toList();
        assertThat(notices).anyMatch(t -> t.equals("Đợt nhập tai-lieu-cu.zip đã xong: nhập 2 tệp, bỏ qua 0, từ chối 1"))
                .anyMatch(t -> t.equals("Đợt nhập tai-lieu-cu.zip đã được Đặng Văn Sơn xác nhận: 1 phiên bản có hiệu lực"));
    }

    @Test
    @WithUserDetails("thuky.xa")
    void the_unit_imports_list_opens_a_batch() {
        UnitId tanPhu = unit("X-TANPHU");
        String code = "HD-" + Imports.freeNumber(register, tanPhu);
        ImportJob job = imports.await(imports.start(tanPhu, Imports.upload(Files.zip(code + " Hướng dẫn.docx",
                Files.docx("Hướng dẫn"))), "huong-dan.zip", ImportJob.Channel.SCREEN).id(), Duration.ofSeconds(60));
        CurrentUnit.set(tanPhu);

        ImportsView list = navigate(ImportsView.class);
        List<ImportJob> jobs = list.grid.getListDataView().getItems().toList();
        int row = jobs.indexOf(jobs.stream().filter(j -> j.id().equals(job.id())).findFirst().orElseThrow());
        Anchor link = (Anchor) test(list.grid).getCellComponent(row, 1);
        assertThat(link.getText()).isEqualTo("huong-dan.zip");
        assertThat(link.getHref()).isEqualTo(ImportJobs.JOB_ROUTE + "/" + job.id().value());
        test(list.grid).clickRow(row);

        ImportJobView view = (ImportJobView) getCurrentView();
        assertThat(rows(view.verdicts)).containsExactly(List.of(code + " Hướng dẫn.docx", code, "Đã nhập",
                "Nhập là dự thảo lần 1"));
        list = navigate(ImportsView.class);
        assertThat(test(list.grid).getCellText(row, 3)).isEqualTo("Xong: nhập 1, bỏ qua 0, từ chối 0");
    }

    private static <T> List<List<String>> rows(Grid<T> grid) {
        var tester = new com.vaadin.flow.component.grid.GridTester<>(grid);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            List<String> cells = new ArrayList<>();
            // The columns a desktop shows; the last one is the phone's card.
            for (int c = 0; c < grid.getColumns().size() - 1; c++) {
                cells.add(tester.getCellText(i, c));
            }
            rows.add(cells);
        }
        return rows;
    }

    private DocumentSummary document(UnitId unit, String code) {
        return register.list(new DocumentFilter(unit, code, null, null, null, false), DocumentSort.CODE, true, 0, 10)
                .stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }
}
