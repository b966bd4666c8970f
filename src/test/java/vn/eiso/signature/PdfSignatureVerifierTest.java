package vn.eiso.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eiso.signature.TestPki.DIRECTOR;
import static vn.eiso.signature.TestPki.INTERMEDIATE;
import static vn.eiso.signature.TestPki.NOW;
import static vn.eiso.signature.TestPki.ROOT;
import static vn.eiso.signature.TestPki.STRANGER_ROOT;
import static vn.eiso.signature.TestPki.days;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import vn.eiso.demo.DemoPki;

/** Signed PDFs made at test time, each checked against a trust store holding the test root (or not). */
class PdfSignatureVerifierTest {

    private static final PdfSignatureVerifier.Trust TRUSTED = new PdfSignatureVerifier.Trust(
            Set.of(new TrustAnchor(ROOT.certificate(), null)), List.of(INTERMEDIATE.certificate()));
    private static final PdfSignatureVerifier.Trust STRANGERS = new PdfSignatureVerifier.Trust(
            Set.of(new TrustAnchor(STRANGER_ROOT.certificate(), null)), List.of());
    private static final byte[] DECISION = TestPki.pdf("Quyet dinh 15/QD-STP");

    @Test
    void a_valid_signature_names_its_signer_time_and_covers_the_whole_file() {
        byte[] signed = TestPki.signed(DECISION, DIRECTOR);

        List<PdfSignature> found = PdfSignatureVerifier.verify(signed, TRUSTED);

        assertThat(found).hasSize(1);
        PdfSignature signature = found.getFirst();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(signature.signerName()).isEqualTo("Trần Văn Hùng");
        assertThat(signature.organisation()).isEqualTo("Sở Tư pháp tỉnh Hòa An");
        assertThat(signature.signedAt())
                .isEqualTo(NOW.minus(days(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(signature.coversWholeFile()).isTrue();
        assertThat(signature.coveredBytes()).isEqualTo(signed.length);
        assertThat(signature.revocation()).isEqualTo(PdfSignature.Revocation.NONE);
    }

    @Test
    void an_unsigned_pdf_has_no_signature() {
        assertThat(PdfSignatureVerifier.verify(DECISION, TRUSTED)).isEmpty();
    }

    @Test
    void a_file_changed_after_signing_is_modified() {
        byte[] signed = TestPki.signed(DECISION, DIRECTOR);
        byte[] changed = replace(signed, "15/QD-STP", "16/QD-STP");

        assertThat(PdfSignatureVerifier.verify(changed, TRUSTED).getFirst().verdict())
                .isEqualTo(SignatureVerdict.MODIFIED);
    }

    @Test
    void a_certificate_of_a_ca_outside_the_trust_store_is_untrusted() {
        byte[] signed = TestPki.signed(DECISION, DIRECTOR);

        PdfSignature signature = PdfSignatureVerifier.verify(signed, STRANGERS).getFirst();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(signature.detail()).contains("CA trung gian kiểm thử");
        assertThat(PdfSignatureVerifier.verify(signed, new PdfSignatureVerifier.Trust(Set.of(), List.of()))
                .getFirst().verdict()).isEqualTo(SignatureVerdict.UNTRUSTED);
    }

    @Test
    void a_certificate_expired_at_the_signing_time_is_expired() {
        DemoPki.Credential lapsed = DemoPki.issue(INTERMEDIATE, "Nguyễn Văn Cũ", "Sở Tư pháp tỉnh Hòa An",
                NOW.minus(days(800)), NOW.minus(days(400)), false);
        byte[] signed = DemoPki.sign(DECISION, lapsed, NOW.minus(days(10)), List.of());

        assertThat(PdfSignatureVerifier.verify(signed, TRUSTED).getFirst().verdict())
                .isEqualTo(SignatureVerdict.EXPIRED);
        byte[] inTime = DemoPki.sign(DECISION, lapsed, NOW.minus(days(500)), List.of());
        assertThat(PdfSignatureVerifier.verify(inTime, TRUSTED).getFirst().verdict())
                .as("signed while the certificate was valid: still valid today").isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void a_trusted_timestamp_decides_the_signing_time_and_one_from_an_untrusted_authority_is_ignored() {
        DemoPki.Credential lapsed = DemoPki.issue(INTERMEDIATE, "Nguyễn Văn Cũ", "Sở Tư pháp tỉnh Hòa An",
                NOW.minus(days(800)), NOW.minus(days(400)), false);
        DemoPki.Credential authority = DemoPki.timestampAuthority(INTERMEDIATE, "Dịch vụ dấu thời gian",
                NOW.minus(days(900)), NOW.plus(days(900)));
        DemoPki.Credential forger = DemoPki.timestampAuthority(STRANGER_ROOT, "Dấu thời gian tự cấp",
                NOW.minus(days(900)), NOW.plus(days(900)));
        Instant whileValid = NOW.minus(days(500));
        Instant afterLapse = NOW.minus(days(10));

        // The authority saw the signature an hour after the signer's clock did: its time is the signing time.
        Instant seen = whileValid.plus(Duration.ofHours(1));
        PdfSignature stamped = PdfSignatureVerifier.verify(DemoPki.sign(DECISION, lapsed, whileValid, List.of(),
                new DemoPki.Stamp(authority, seen)), TRUSTED).getFirst();
        assertThat(stamped.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(stamped.signedAt()).isEqualTo(seen);

        // Anyone can add a timestamp after signing: one from outside the trust store changes nothing.
        PdfSignature forged = PdfSignatureVerifier.verify(DemoPki.sign(DECISION, lapsed, afterLapse, List.of(),
                new DemoPki.Stamp(forger, whileValid)), TRUSTED).getFirst();
        assertThat(forged.verdict()).isEqualTo(SignatureVerdict.EXPIRED);
        assertThat(forged.signedAt()).isEqualTo(afterLapse);

        // A signature backdated by its signer: the trusted timestamp after the lapse outweighs the claim.
        PdfSignature late = PdfSignatureVerifier.verify(DemoPki.sign(DECISION, lapsed, whileValid, List.of(),
                new DemoPki.Stamp(authority, afterLapse)), TRUSTED).getFirst();
        assertThat(late.verdict()).isEqualTo(SignatureVerdict.EXPIRED);
    }

    @Test
    void an_incremental_update_after_signing_leaves_the_signature_valid_for_the_earlier_revision() throws IOException {
        byte[] signed = TestPki.signed(DECISION, DIRECTOR);
        byte[] updated;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Quyet dinh 99/QD-STP");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            updated = out.toByteArray();
        }

        PdfSignature signature = PdfSignatureVerifier.verify(updated, TRUSTED).getFirst();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID_EARLIER_REVISION);
        assertThat(signature.revision()).isEqualTo(2);
        assertThat(signature.revisions()).isEqualTo(3);
        assertThat(signature.coveredBytes()).isEqualTo(signed.length);
    }

    @Test
    void a_broken_signature_dictionary_is_malformed_with_a_reason() {
        byte[] signed = TestPki.signed(DECISION, DIRECTOR);
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int contents = text.indexOf("/Contents <") + "/Contents <".length();
        byte[] broken = signed.clone();
        for (int i = contents; i < contents + 64; i++) {
            broken[i] = 'F';
        }

        PdfSignature signature = PdfSignatureVerifier.verify(broken, TRUSTED).getFirst();
        assertThat(signature.verdict()).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(signature.detail()).isNotBlank();
    }

    @Test
    void an_embedded_crl_revoking_the_certificate_before_signing_makes_it_revoked() throws Exception {
        DemoPki.Credential revoked = DemoPki.issue(INTERMEDIATE, "Lê Văn Mất", "Sở Tư pháp tỉnh Hòa An",
                NOW.minus(days(100)), NOW.plus(days(100)), false);
        X509CRLHolder crl = crl(revoked);
        byte[] signedAfter = DemoPki.sign(DECISION, revoked, NOW.minus(days(1)), List.of(crl));
        byte[] signedBefore = DemoPki.sign(DECISION, revoked, NOW.minus(days(5)), List.of(crl));
        byte[] otherSigner = DemoPki.sign(DECISION, DIRECTOR, NOW.minus(days(1)), List.of(crl));

        PdfSignature after = PdfSignatureVerifier.verify(signedAfter, TRUSTED).getFirst();
        assertThat(after.verdict()).isEqualTo(SignatureVerdict.REVOKED);
        assertThat(after.revocation()).isEqualTo(PdfSignature.Revocation.CHECKED);
        assertThat(PdfSignatureVerifier.verify(signedBefore, TRUSTED).getFirst().verdict())
                .isEqualTo(SignatureVerdict.VALID);
        PdfSignature other = PdfSignatureVerifier.verify(otherSigner, TRUSTED).getFirst();
        assertThat(other.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(other.revocation()).as("the CRL of its issuer was checked")
                .isEqualTo(PdfSignature.Revocation.CHECKED);
    }

    /** A CRL of the intermediate CA that revokes the certificate three days ago. */
    private static X509CRLHolder crl(DemoPki.Credential revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(INTERMEDIATE.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(NOW.minus(days(2))));
        builder.setNextUpdate(Date.from(NOW.plus(days(7))));
        builder.addCRLEntry(revoked.certificate().getSerialNumber(), Date.from(NOW.minus(days(3))),
                CRLReason.keyCompromise);
        return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(INTERMEDIATE.key()));
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
