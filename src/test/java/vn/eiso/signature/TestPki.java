package vn.eiso.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.eiso.demo.DemoPki;

/**
 * The tests' own CAs and signers, made once per test JVM: a root with an intermediate, the director of the
 * justice department signing under it, and a stranger's root that no trust store holds.
 */
public final class TestPki {

    public static final Instant NOW = Instant.parse("2027-01-02T01:00:00Z");
    /** A root, an intermediate CA under it, and the justice department's director (Trần Văn Hùng) under that. */
    public record Chain(DemoPki.Credential root, DemoPki.Credential intermediate, DemoPki.Credential director) {

        /** The root and intermediate, as an administrator uploads them. */
        public byte[] bundle() {
            return (TrustStore.pem(root.certificate()) + TrustStore.pem(intermediate.certificate()))
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** A signer other than the director, under the same intermediate. */
        public DemoPki.Credential signer(String name, String organisation) {
            return DemoPki.issue(intermediate, name, organisation, NOW.minus(days(365)), NOW.plus(days(730)), false);
        }
    }

    /**
     * A chain of its own, for a test that must know whether its root is trusted: the test database is shared,
     * and another test class may have trusted the shared one.
     */
    public static Chain newChain() {
        DemoPki.Credential root = DemoPki.root("CA gốc kiểm thử " + NEXT.incrementAndGet(), NOW.minus(days(3650)),
                NOW.plus(days(3650)));
        DemoPki.Credential intermediate = DemoPki.issue(root, "CA trung gian kiểm thử", "Ban Cơ yếu kiểm thử",
                NOW.minus(days(3000)), NOW.plus(days(3000)), true);
        return new Chain(root, intermediate, DemoPki.issue(intermediate, "Trần Văn Hùng", "Sở Tư pháp tỉnh Hòa An",
                NOW.minus(days(365)), NOW.plus(days(730)), false));
    }

    private static final AtomicInteger NEXT = new AtomicInteger();
    public static final Chain SHARED = newChain();
    public static final DemoPki.Credential ROOT = SHARED.root();
    public static final DemoPki.Credential INTERMEDIATE = SHARED.intermediate();
    public static final DemoPki.Credential DIRECTOR = SHARED.director();
    public static final DemoPki.Credential STRANGER_ROOT = DemoPki.root("CA lạ", NOW.minus(days(3650)),
            NOW.plus(days(3650)));

    private TestPki() {
    }

    public static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /** A one-page PDF, uncompressed so that a test can find and change its title in the bytes. */
    public static byte[] pdf(String title) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            document.setDocumentInformation(info);
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] signed(byte[] pdf, DemoPki.Credential signer) {
        return DemoPki.sign(pdf, signer, NOW.minus(days(1)), List.of());
    }
}
