package vn.eiso.document.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.MultipartConfigElement;
import com.vaadin.flow.component.tabs.TabSheet;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Uploads;
import vn.eiso.document.Attachment;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Records;
import vn.eiso.support.Imports;
import vn.eiso.support.UiTest;

/** One setting, small on purpose, and every place that takes a file follows it. */
// Its own configuration means its own application context: own JVM, like the other tests with properties.
@Tag("own-jvm")
@TestPropertySource(properties = {"eiso.files.max-size=3MB", "eiso.files.max-archive-size=7MB"})
class UploadLimitsTest extends UiTest {

    private static final long MB = 1024 * 1024;

    @Autowired
    FileLimits limits;
    @Autowired
    Records records;
    @Autowired
    DocumentRegister register;
    @Autowired
    ImportJobs imports;
    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    RevisionWorkflow workflow;

    @Test
    void the_configured_limits_are_the_ones_bound() {
        assertThat(limits.maxBytes()).isEqualTo(3 * MB);
        assertThat(limits.maxArchiveBytes()).isEqualTo(7 * MB);
        assertThat(limits.maxCompressionRatio()).isEqualTo(FileLimits.DEFAULTS.maxCompressionRatio());
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void the_record_screen_upload_and_the_inspector_behind_it_take_the_configured_size() {
        RecordsView view = navigate(RecordsView.class);
        UnitId stp = unit("STP");
        view.openDialog(stp, null);
        assertThat(find(Upload.class).single().getMaxFileSize()).isEqualTo((int) (3 * MB));

        DocumentSummary template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
        byte[] fourMegabytes = new byte[(int) (4 * MB)];
        Arrays.fill(fourMegabytes, (byte) 'a');
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> records.file(template.id(), "Quá lớn", null, Map.of("lon.txt", fourMegabytes)));
        assertThat(refused.messageKey()).isEqualTo("error.file.tooLarge");
        assertThat(refused.args()).containsExactly("lon.txt", 3L);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_import_screen_the_service_and_the_http_multipart_take_the_configured_archive_size() {
        navigate(DocumentsView.class);
        UnitId stp = unit("STP");
        new DocumentImportDialog(imports, limits, stp).open();
        assertThat(find(DocumentImportDialog.class).single()).isNotNull();
        assertThat(find(Upload.class).single().getMaxFileSize()).isEqualTo((int) (7 * MB));

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> imports.start(stp, Imports.upload(new byte[(int) (8 * MB)]), "lon.zip",
                        ImportJob.Channel.SCREEN));
        assertThat(refused.messageKey()).isEqualTo("import.error.tooLarge");
        assertThat(refused.args()).containsExactly(7L);

        assertThat(multipart.getMaxFileSize()).isEqualTo(7 * MB);
        assertThat(multipart.getMaxRequestSize()).isGreaterThan(7 * MB);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_file_past_the_limit_sent_straight_to_a_screens_upload_handler_is_refused_there_and_nothing_is_attached() {
        String code = "QT-U" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        EisoPrincipal officer = (EisoPrincipal) userDetails.loadUserByUsername("thuky.stp");
        Document document = register.create(unit("STP"), DocumentData.of(code, "Quy trình tải tệp lớn",
                DocumentType.PROCEDURE, officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "Lần đầu");
        CurrentUnit.set(unit("STP"));
        navigate(DocumentView.class, document.id().value());
        find(TabSheet.class).single().setSelectedIndex(1);
        Upload upload = find(Upload.class).id("draft-upload");

        // The browser's own size check skipped, as a hostile client would: the bytes reach the server's handler.
        byte[] tooLarge = new byte[(int) (3 * MB) + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        test(upload).upload("qua-lon.txt", "text/plain", tooLarge);

        assertThat(notifications()).contains("Tệp „qua-lon.txt“ lớn hơn 3 MB, không được nhận");
        assertThat(workflow.attachments(draft.id())).isEmpty();

        test(upload).upload("vua-du.txt", "text/plain", "Biên bản".getBytes(StandardCharsets.UTF_8));
        assertThat(workflow.attachments(draft.id())).extracting(Attachment::fileName).containsExactly("vua-du.txt");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_handler_stops_reading_a_body_at_the_limit_instead_of_taking_it_onto_the_disk_first() throws Exception {
        navigate(RecordsView.class);
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return read.incrementAndGet() > 64 * MB ? -1 : 'a';
            }
        };
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(endless);
        UploadHandler handler = Uploads.bounded(UI.getCurrent(), limits.maxBytes(),
                (name, bytes) -> fail("a file past the limit was handed over"));
        UploadEvent event = new UploadEvent(request, null, null, "vo-tan.txt", 64 * MB, "text/plain", null, null);

        handler.handleUploadRequest(event);

        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage()).contains("3 MB");
        assertThat(read.get()).isLessThan(4 * MB);
        assertThat(handler.getFileSizeMax()).isEqualTo(3 * MB);
    }
}
