package vn.eiso.demo;

import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.document.DocumentType;
import vn.eiso.library.Model;
import vn.eiso.library.ModelLibrary;

/**
 * The department's model library: two model procedures and a form. Tân Phú commune adopted the document-control
 * model, which the department has since revised, so the commune sees the model move ahead of its copy.
 */
@Component
class DemoModels {

    private static final String CONTROL = """
            1. MỤC ĐÍCH
            Quy định cách thức soạn thảo, phê duyệt, ban hành, sửa đổi và kiểm soát tài liệu của Hệ thống quản lý chất lượng.
            2. PHẠM VI
            Áp dụng cho mọi tài liệu nội bộ và tài liệu có nguồn gốc bên ngoài thuộc Hệ thống quản lý chất lượng của đơn vị.
            3. TÀI LIỆU VIỆN DẪN
            TCVN ISO 9001:2015, điều 7.5; Quyết định số 19/2014/QĐ-TTg; Thông tư số 26/2018/TT-BKHCN.
            4. NỘI DUNG
            4.1. Cán bộ được giao soạn thảo dự thảo tài liệu trên phần mềm ISO điện tử.
            4.2. Thư ký ISO kiểm tra hình thức, mã số, điều khoản viện dẫn.
            4.3. Lãnh đạo đơn vị xem xét, phê duyệt và ký ban hành.
            4.4. Tài liệu được phân phối đến người có liên quan; người nhận xác nhận đã đọc.
            4.5. Tài liệu được xem xét định kỳ ít nhất 12 tháng một lần.
            5. HỒ SƠ
            Danh mục tài liệu nội bộ; Phiếu đề nghị sửa đổi tài liệu (BM-M01).""";

    private final ModelLibrary library;
    private final DemoPeople people;

    DemoModels(ModelLibrary library, DemoPeople people) {
        this.library = library;
        this.people = people;
    }

    void load(UnitId commune) {
        people.acting(() -> {
            people.signIn("sokhcn");
            Model control = library.publish("QT-M01", "Quy trình kiểm soát tài liệu", DocumentType.PROCEDURE, "7.5",
                    CONTROL);
            library.publish("QT-M02", "Quy trình đánh giá nội bộ", DocumentType.PROCEDURE, "9.2", """
                    1. MỤC ĐÍCH
                    Xác định Hệ thống quản lý chất lượng có phù hợp và được áp dụng, duy trì có hiệu lực hay không.
                    2. NỘI DUNG
                    2.1. Lập chương trình đánh giá nội bộ hằng năm, ít nhất một lần trong năm.
                    2.2. Chuyên gia đánh giá không đánh giá công việc của chính mình.
                    2.3. Báo cáo kết quả đánh giá cho lãnh đạo; sự không phù hợp được khắc phục kịp thời.""");
            library.publish("BM-M01", "Phiếu đề nghị sửa đổi tài liệu", DocumentType.FORM, "7.5", """
                    Tên tài liệu: ............ Mã số: ............
                    Nội dung đề nghị sửa đổi: ............
                    Lý do: ............
                    Người đề nghị: ............ Ngày: ............""");
            people.signIn("thuky.xa");
            library.adopt(control.id(), commune, "QT-04");
            people.signIn("sokhcn");
            library.revise(control.id(), control.version(), CONTROL.replace(
                    "4.5. Tài liệu được xem xét định kỳ ít nhất 12 tháng một lần.",
                    "4.5. Tài liệu được xem xét định kỳ ít nhất 12 tháng một lần và khi thủ tục hành chính thay đổi.\n"
                            + "4.6. Tài liệu hết hiệu lực được đánh dấu và lưu trữ, không xóa."),
                    "Bổ sung xem xét khi TTHC thay đổi và lưu trữ tài liệu hết hiệu lực");
        });
    }
}
