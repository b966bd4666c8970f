package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.eiso.base.DomainException;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.ServiceTest;

/**
 * A file being checked (which may take a minute) while the draft it is meant for is submitted, reviewed and
 * approved: the steps run in order on one thread, the sign-offs at the moment the inspection ends, so the race is
 * the same every run. The file must not land in what was signed.
 */
// The inspector is wrapped for the test, which makes a context of its own: own JVM.
@Tag("own-jvm")
class AttachDuringReviewTest extends ServiceTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @MockitoSpyBean
    FileInspector inspector;

    private Revision draft() {
        as("thuky.stp");
        String code = "QT-R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Document document = register.create(stp, DocumentData.of(code, "Quy trình thử tranh chấp",
                DocumentType.PROCEDURE, as("thuky.stp").userId()));
        Revision draft = workflow.startRevision(document.id(), "Ban hành lần đầu");
        return workflow.editDraft(draft.id(), draft.version(), "Bước 1", "Ban hành lần đầu");
    }

    /** While the inspector checks the next file, {@code meanwhile} runs as the head of the unit. */
    private void whileInspecting(Runnable meanwhile) {
        doAnswer(call -> {
            Object inspected = call.callRealMethod();
            SecurityContext uploader = SecurityContextHolder.getContext();
            try {
                as("lanhdao.stp");
                meanwhile.run();
            } finally {
                SecurityContextHolder.setContext(uploader);
            }
            return inspected;
        }).when(inspector).inspect(any(), any());
    }

    @Test
    void a_file_whose_draft_was_submitted_and_approved_while_it_was_checked_is_refused() {
        Revision draft = draft();
        String signedHash = workflow.contentSha256(draft);
        whileInspecting(() -> {
            as("thuky.stp");
            Revision submitted = workflow.submit(draft.id(), draft.version());
            as("lanhdao.stp");
            workflow.review(submitted.id(), Accounts.DEMO_PASSWORD, "Đạt");
            workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), Accounts.DEMO_PASSWORD, null,
                    Set.of());
        });
        as("thuky.stp");

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> workflow.attach(draft.id(), "Phụ lục.docx", Files.docx("Phụ lục thêm sau khi duyệt")));

        assertThat(refused.messageKey()).isEqualTo("error.revision.changedDuringUpload");
        assertThat(refused.args()).containsExactly("Phụ lục.docx");
        Revision approved = workflow.get(draft.id());
        assertThat(approved.status()).isEqualTo(RevisionStatus.EFFECTIVE);
        assertThat(workflow.attachments(draft.id())).isEmpty();
        assertThat(workflow.contentSha256(approved)).isEqualTo(signedHash).isEqualTo(approved.contentSha256());
    }

    @Test
    void a_file_whose_draft_was_edited_while_it_was_checked_is_refused_and_one_checked_in_peace_is_attached() {
        Revision draft = draft();
        whileInspecting(() -> {
            as("thuky.stp");
            workflow.editDraft(draft.id(), draft.version(), "Bước 1 sửa trong lúc tải", "Ban hành lần đầu");
        });
        as("thuky.stp");
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> workflow.attach(draft.id(), "Phụ lục.docx", Files.docx("Phụ lục")));
        assertThat(refused.messageKey()).isEqualTo("error.revision.changedDuringUpload");
        assertThat(workflow.attachments(draft.id())).isEmpty();

        whileInspecting(() -> { });
        Attachment attached = workflow.attach(draft.id(), "Phụ lục.docx", Files.docx("Phụ lục"));
        assertThat(workflow.attachments(draft.id())).extracting(Attachment::id).containsExactly(attached.id());
    }
}
