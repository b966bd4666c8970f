package vn.eiso.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.DiffRow;
import vn.eiso.base.DomainException;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.ServiceTest;

/** A unit adopts a model once as a draft, sees how its procedure departs from the model, and hears of revisions. */
@Transactional
class ModelLibraryTest extends ServiceTest {

    private static final String TEXT = "1. MỤC ĐÍCH\nTiếp nhận hồ sơ.\n2. NỘI DUNG\nBước 1: kiểm tra hồ sơ.";

    @Autowired
    ModelLibrary library;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    DSLContext dsl;

    private long count(String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }

    @Test
    void a_unit_adopts_a_model_once_compares_it_and_is_told_of_a_revision() {
        as("sokhcn");
        Model model = library.publish("QT-T01", "Quy trình tiếp nhận hồ sơ", DocumentType.PROCEDURE, "8.2", TEXT);
        as("thuky.stp");
        Adoption adoption = library.adopt(model.id(), stp, " ");
        assertThat(adoption.documentCode()).isEqualTo("QT-T01");
        var document = register.get(adoption.documentId());
        assertThat(document.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(document.unitId()).isEqualTo(stp);
        assertThat(document.isoClauses()).isEqualTo("8.2");
        Revision draft = workflow.history(adoption.documentId()).getFirst();
        assertThat(draft.text()).isEqualTo(TEXT);

        assertThatThrownBy(() -> library.adopt(model.id(), stp, "QT-T99")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.model.alreadyAdopted");
        assertThat(count("select count(*) from document where unit_id = ? and code in ('QT-T01', 'QT-T99')",
                stp.value())).isEqualTo(1);
        assertThat(count("select count(*) from model_adoption where model_id = ?", model.id())).isEqualTo(1);

        assertThat(library.compare(adoption.id()).changedLines()).isZero();
        workflow.editDraft(draft.id(), draft.version(), TEXT.replace("kiểm tra hồ sơ", "kiểm tra và số hóa hồ sơ"),
                null);
        Comparison adapted = library.compare(adoption.id());
        assertThat(adapted.rows()).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED).extracting(DiffRow::right)
                .containsExactly("Bước 1: kiểm tra và số hóa hồ sơ.");

        as("sokhcn");
        library.revise(model.id(), model.version(), TEXT + "\nBước 2: trả kết quả.", "Thêm bước trả kết quả");
        assertThat(count("select count(*) from notification n join app_user u on u.id = n.recipient_id where"
                + " n.message_key = 'notice.modelRevised' and u.username in ('thuky.stp', 'lanhdao.stp')"
                + " and n.params like 'QT-T01%'")).isEqualTo(2);
        assertThat(count("select count(*) from notification n join app_user u on u.id = n.recipient_id where"
                + " n.message_key = 'notice.modelRevised' and u.username = 'congchuc.stp'")).isZero();
        as("thuky.stp");
        Adoption behind = library.adoptionsIn(stp).stream().filter(a -> a.modelId() == model.id()).findFirst()
                .orElseThrow();
        assertThat(behind.isBehind()).isTrue();
        assertThat(library.compare(behind.id()).rows()).anyMatch(r -> r.kind() == DiffRow.Kind.REMOVED
                && r.left().equals("Bước 2: trả kết quả."));
        assertThat(count("select count(*) from audit_event where action in ('MODEL_PUBLISHED', 'MODEL_ADOPTED',"
                + " 'MODEL_REVISED') and target_id = ?", String.valueOf(model.id()))).isEqualTo(3);
    }

    @Test
    void only_the_department_publishes_and_only_a_unit_editor_adopts() {
        as("thuky.stp");
        assertThatThrownBy(() -> library.publish("QT-T02", "Quy trình", DocumentType.PROCEDURE, null, TEXT))
                .isInstanceOf(AccessDeniedException.class);
        as("sokhcn");
        assertThatThrownBy(() -> library.publish("QT-T02", "Hồ sơ", DocumentType.RECORD_TEMPLATE, null, TEXT))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.model.type");
        assertThatThrownBy(() -> library.publish("qt-m01", "Trùng mã", DocumentType.PROCEDURE, null, TEXT))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.model.codeTaken");
        assertThatThrownBy(() -> library.publish("QT-T02", "Trống", DocumentType.PROCEDURE, null, "  "))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.model.textRequired");
        long model = library.models().stream().filter(m -> m.code().equals("QT-M02")).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> library.adopt(model, stp, null)).isInstanceOf(AccessDeniedException.class);
        as("congchuc.stp");
        assertThatThrownBy(() -> library.adopt(model, stp, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from model_document where code = 'QT-T02'")).isZero();
        assertThat(library.models()).extracting(Model::code).contains("QT-M01", "QT-M02", "BM-M01");
    }

    @Test
    void the_demo_commune_sees_the_model_moved_ahead_of_its_draft_and_the_department_does_not_see_the_draft() {
        as("thuky.xa");
        List<Adoption> adopted = library.adoptionsIn(unit("X-TANPHU"));
        assertThat(adopted).singleElement().satisfies(a -> {
            assertThat(a.modelCode()).isEqualTo("QT-M01");
            assertThat(a.documentCode()).isEqualTo("QT-04");
            assertThat(a.isBehind()).isTrue();
        });
        as("sokhcn");
        long model = adopted.getFirst().modelId();
        assertThat(library.adopters(model)).singleElement().satisfies(a -> {
            assertThat(a.unitName()).isEqualTo("Ủy ban nhân dân xã Tân Phú");
            assertThat(a.documentCode()).as("the commune's draft stays its own").isNull();
            assertThat(a.documentId()).isNull();
        });
    }
}
