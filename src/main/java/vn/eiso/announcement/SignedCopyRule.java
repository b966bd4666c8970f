package vn.eiso.announcement;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.TextFolding;
import vn.eiso.signature.PdfSignature;
import vn.eiso.signature.SignatureReport;
import vn.eiso.signature.Signatures;

/**
 * What the signed copy of an announcement must carry ({@code eiso.signatures.announcement-signer}, ADR 0024):
 * by default a valid digital signature covering the whole PDF, whose certificate names the decision's signer
 * (the head who signed it) or the issuing unit, compared without case or diacritics; {@code ANY_VALID} accepts
 * any valid signature, and {@code NONE} also a scan, for a province whose staff do not sign digitally yet.
 */
@Component
class SignedCopyRule {

    enum Match {
        SIGNER_OR_UNIT,
        ANY_VALID,
        NONE
    }

    private final Signatures signatures;
    private final Match match;

    SignedCopyRule(Signatures signatures, @Value("${eiso.signatures.announcement-signer:SIGNER_OR_UNIT}") Match match) {
        this.signatures = signatures;
        this.match = match;
    }

    /** Refuses a copy the rule does not accept; the verdict on an accepted PDF is kept for the public register. */
    void check(Announcement announcement, String contentType, String sha256, byte[] content) {
        boolean pdf = "application/pdf".equals(contentType);
        if (match == Match.NONE) {
            if (pdf) {
                signatures.verifyAndKeep(sha256, content);
            }
            return;
        }
        SignatureReport report = pdf ? signatures.verifyAndKeep(sha256, content) : new SignatureReport(List.of());
        if (!report.isSigned()) {
            throw new DomainException("error.announcement.unsignedCopy");
        }
        List<PdfSignature> valid = report.signatures().stream().filter(s -> s.verdict().isValid()).toList();
        if (valid.isEmpty()) {
            throw new DomainException("error.announcement.signatureInvalid",
                    new DomainException.Key("signature.verdict." + report.headline().orElseThrow().verdict()));
        }
        if (match == Match.ANY_VALID || valid.stream().anyMatch(s -> names(s, announcement))) {
            return;
        }
        throw new DomainException("error.announcement.signerMismatch", valid.getFirst().signerName(),
                announcement.signerName(), announcement.issuedUnitName());
    }

    private static boolean names(PdfSignature signature, Announcement announcement) {
        String signer = fold(signature.signerName());
        String unit = fold(announcement.issuedUnitName());
        return !signer.isEmpty() && signer.equals(fold(announcement.signerName()))
                || !unit.isEmpty() && (signer.contains(unit) || fold(signature.organisation()).contains(unit));
    }

    private static String fold(String text) {
        return text == null ? "" : TextFolding.fold(text).trim();
    }
}
