package vn.eiso.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.DomainException;
import vn.eiso.document.Attachment;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.ServiceTest;

/**
 * The trust store an administrator manages, and the verdicts on documents' signed files: shown to those who may
 * read the file, taken again when the trust store changes, kept by the background check. Rolled back after each.
 */
@Transactional
class SignaturesTest extends ServiceTest {

    @Autowired
    TrustStore trust;
    @Autowired
    Signatures signatures;
    @Autowired
    StoredPdfs stored;
    @Autowired
    JooqSignatureRepository repository;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;

    private final TestPki.Chain chain = TestPki.newChain();

    @Test
    void only_an_administrator_changes_the_trust_store_and_a_bad_file_changes_nothing() {
        as("thuky.stp");
        assertThatThrownBy(() -> trust.add("ca.pem", chain.bundle())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trust.certificates()).isInstanceOf(AccessDeniedException.class);

        as("admin");
        int before = trust.certificates().size();
        long generation = repository.generation();
        refused(() -> trust.add("ca.pem", "không phải chứng thư".getBytes(StandardCharsets.UTF_8)),
                "error.trust.unreadable");
        refused(() -> trust.add("ca.pem", new byte[0]), "error.trust.empty");
        refused(() -> trust.add("khoa.pem", ("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"
                + new String(chain.bundle(), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII)),
                "error.trust.privateKey");
        refused(() -> trust.add("lon.pem", new byte[TrustStore.MAX_BYTES + 1]), "error.trust.tooLarge");
        assertThat(trust.certificates()).hasSize(before);
        assertThat(repository.generation()).isEqualTo(generation);

        assertThat(trust.add("ca.pem", chain.bundle())).isEqualTo(2);
        assertThat(trust.add("ca.pem", chain.bundle())).as("already trusted").isZero();
        assertThat(trust.certificates()).hasSize(before + 2)
                .filteredOn(c -> c.subject().contains("CA trung gian kiểm thử")).singleElement()
                .satisfies(c -> assertThat(c.isRoot()).isFalse());
        assertThat(repository.generation()).isEqualTo(generation + 1);
    }

    @Test
    void a_documents_signed_file_is_untrusted_until_its_root_is_trusted_and_again_once_removed() {
        Attachment file = signedDraftFile();
        assertThat(workflow.signatures(file.id()).orElseThrow().headline().orElseThrow().verdict())
                .isEqualTo(SignatureVerdict.UNTRUSTED);

        as("admin");
        trust.add("ca.pem", chain.bundle());
        as("thuky.stp");
        PdfSignature signature = workflow.signatures(file.id()).orElseThrow().headline().orElseThrow();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(signature.signerName()).isEqualTo("Trần Văn Hùng");

        as("admin");
        String root = fingerprint(chain.root().certificate());
        trust.remove(trust.certificates().stream().filter(c -> c.fingerprint().equals(root)).findFirst()
                .orElseThrow().id());
        as("thuky.stp");
        assertThat(workflow.signatures(file.id()).orElseThrow().headline().orElseThrow().verdict())
                .isEqualTo(SignatureVerdict.UNTRUSTED);
    }

    @Test
    void another_units_officer_cannot_read_the_verdict_of_a_draft_and_a_non_pdf_has_none() {
        Attachment file = signedDraftFile();
        Attachment text = workflow.attach(file.revisionId(), "ghi-chu.txt",
                "Ghi chú".getBytes(StandardCharsets.UTF_8));
        assertThat(workflow.signatures(text.id())).isEmpty();

        as("thuky.xa");
        assertThatThrownBy(() -> workflow.signatures(file.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_background_check_keeps_each_stored_pdfs_verdict_and_takes_it_again_after_a_trust_change() {
        as("admin");
        trust.add("ca.pem", chain.bundle());
        Attachment file = signedDraftFile();
        long generation = repository.generation();
        assertThat(repository.checkedUnder(file.sha256())).as("queued, not yet checked").isEmpty();
        assertThat(signatures.kept(Set.of(file.sha256()))).as("pages without login never verify").isEmpty();

        int checked = signatures.checkStale(stored, 10_000);
        assertThat(signatures.kept(Set.of(file.sha256())).get(file.sha256()).headline().orElseThrow().verdict())
                .isEqualTo(SignatureVerdict.VALID);

        assertThat(checked).isPositive();
        assertThat(repository.checkedUnder(file.sha256())).contains(generation);
        assertThat(repository.signatures(file.sha256())).singleElement()
                .satisfies(s -> assertThat(s.verdict()).isEqualTo(SignatureVerdict.VALID));
        assertThat(repository.stale(generation, 10_000)).doesNotContain(file.sha256());

        as("admin");
        trust.add("khac.pem", TrustStore.pem(TestPki.STRANGER_ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        assertThat(repository.stale(repository.generation(), 10_000)).contains(file.sha256());
        assertThat(signatures.kept(Set.of(file.sha256()))).as("taken under the old trust store").isEmpty();
        signatures.checkStale(stored, 10_000);
        assertThat(repository.checkedUnder(file.sha256())).contains(repository.generation());
    }

    @Test
    void the_demo_quality_policy_carries_its_directors_valid_signature() {
        as("congchuc.stp");
        Document policy = register.list(new DocumentFilter(stp, "CS-01", null, null, null, false), DocumentSort.CODE,
                true, 0, 1).stream().map(d -> register.get(d.id())).findFirst().orElseThrow();
        Revision current = workflow.history(policy.id()).getFirst();
        Attachment file = workflow.attachments(current.id()).getFirst();
        PdfSignature signature = workflow.signatures(file.id()).orElseThrow().headline().orElseThrow();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(signature.signerName()).isEqualTo("Trần Văn Hùng");
    }

    private Attachment signedDraftFile() {
        as("thuky.stp");
        String code = "QT-K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Document document = register.create(stp, DocumentData.of(code, "Quy trình ký số thử", DocumentType.PROCEDURE,
                as("thuky.stp").userId()));
        Revision draft = workflow.startRevision(document.id(), "Ban hành lần đầu");
        byte[] signed = TestPki.signed(TestPki.pdf("Quyet dinh " + code), chain.director());
        return workflow.attach(draft.id(), "QĐ ban hành " + code + ".pdf", signed);
    }

    private static String fingerprint(java.security.cert.X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }
}
