package vn.eiso.signature;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the badge beside a signed PDF says, for every screen that shows one: the verdict and the signer on the
 * badge, its Lumo theme, and in its tooltip each signature's organisation, time, the part of the file it covers
 * and the revocation check. The worst signature is the one on the badge.
 */
public record SignatureBadge(String text, String theme, String details) {

    /** The screen's translation of a message key with arguments. */
    public interface Translator {
        String translate(String key, Object... args);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The badge of a file that carries a signature; none for an unsigned file or one of another type. */
    public static Optional<SignatureBadge> ofSigned(Optional<SignatureReport> report, Translator t, ZoneId zone) {
        return report.filter(SignatureReport::isSigned).map(r -> of(r, t, zone));
    }

    public static SignatureBadge of(SignatureReport report, Translator t, ZoneId zone) {
        PdfSignature headline = report.headline().orElseThrow();
        String signer = headline.signerName() == null ? "" : " · " + headline.signerName();
        List<String> lines = new ArrayList<>();
        for (PdfSignature s : report.signatures()) {
            lines.add(t.translate("signature.line", s.position() + 1, t.translate("signature.verdict." + s.verdict()),
                    orDash(s.signerName()), orDash(s.organisation()),
                    s.signedAt() == null ? "—" : TIME.format(s.signedAt().atZone(zone))));
            if (s.revisions() > 0 && s.revision() > 0) {
                lines.add(t.translate(s.coversWholeFile() ? "signature.coversWhole" : "signature.coversRevision",
                        s.revision(), s.revisions()));
            }
            lines.add(t.translate("signature.revocation." + s.revocation()));
        }
        return new SignatureBadge(t.translate("signature.verdict." + headline.verdict()) + signer,
                theme(headline.verdict()), String.join("\n", lines));
    }

    private static String theme(SignatureVerdict verdict) {
        return switch (verdict) {
            case VALID -> "badge success";
            case VALID_EARLIER_REVISION, UNTRUSTED -> "badge contrast";
            default -> "badge error";
        };
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
