package vn.eiso.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.operator.DigestCalculator;

/**
 * Checks the signatures of a PDF with PDFBox (the signature dictionaries and the bytes they cover) and Bouncy
 * Castle (the CMS signature, CRLs and OCSP responses), and the JDK's PKIX path builder for the chain (ADR 0024).
 * Nothing is fetched from the network: a province's servers often cannot reach the CAs, so revocation is checked
 * only against what the file embeds (its CMS, the Adobe revocation attribute, the document security store).
 */
final class PdfSignatureVerifier {

    /** The trust store's certificates: the self-signed ones are anchors, the others intermediates. */
    record Trust(Set<TrustAnchor> anchors, List<X509Certificate> intermediates) {
    }

    /** Adobe's signed attribute that carries CRLs and OCSP responses (PDF 1.6, 12.8.3.3.2). */
    private static final ASN1ObjectIdentifier ADOBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private PdfSignatureVerifier() {
    }

    static List<PdfSignature> verify(byte[] pdf, Trust trust) {
        List<PdfSignature> found = new ArrayList<>();
        int revisions = Math.max(1, count(pdf, pdf.length));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Revocations stored = Revocations.ofStore(document);
            int position = 0;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                found.add(check(position++, signature, pdf, revisions, trust, stored));
            }
        } catch (IOException | RuntimeException e) {
            found.add(malformed(found.size(), revisions, "unreadable PDF: " + e.getMessage()));
        }
        return found;
    }

    private static PdfSignature check(int position, PDSignature signature, byte[] pdf, int revisions, Trust trust,
            Revocations stored) {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return malformed(position, revisions, "byte range missing or outside the file");
        }
        long covered = (long) range[2] + range[3];
        int revision = Math.max(1, count(pdf, (int) covered));
        CMSSignedData cms;
        SignerInformation signer;
        X509CertificateHolder holder;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return malformed(position, revisions, "the signer's certificate is not in the signature");
            }
            holder = matches.iterator().next();
        } catch (CMSException | IOException | RuntimeException e) {
            return malformed(position, revisions, "unreadable signature: " + e.getMessage());
        }
        String name = part(holder.getSubject(), BCStyle.CN);
        String organisation = part(holder.getSubject(), BCStyle.O);
        Instant signedAt = signingTime(signer, signature, trust);
        Found result = new Found(position, name, organisation, signedAt, covered, revision, revisions);
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            // Before the integrity check, which Bouncy Castle refuses for a certificate not valid then.
            Date when = Date.from(signedAt == null ? Instant.EPOCH : signedAt);
            if (signedAt == null || when.before(certificate.getNotBefore()) || when.after(certificate.getNotAfter())) {
                return result.verdict(SignatureVerdict.EXPIRED, PdfSignature.Revocation.NONE, "certificate valid "
                        + certificate.getNotBefore().toInstant() + " – " + certificate.getNotAfter().toInstant());
            }
            if (!intact(signer, holder)) {
                return result.verdict(SignatureVerdict.MODIFIED, PdfSignature.Revocation.NONE,
                        "the signed bytes do not match the signature");
            }
            List<X509Certificate> embedded = new ArrayList<>();
            for (Object c : cms.getCertificates().getMatches(null)) {
                embedded.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) c));
            }
            X509Certificate issuer = chain(certificate, embedded, trust, when);
            if (issuer == null) {
                return result.verdict(SignatureVerdict.UNTRUSTED, PdfSignature.Revocation.NONE,
                        "issued by " + certificate.getIssuerX500Principal().getName() + ", not in the trust store");
            }
            Revocations all = stored.with(Revocations.ofSignature(cms, signer));
            Instant revoked = all.revokedAt(certificate, issuer);
            PdfSignature.Revocation checked = all.covers(certificate, issuer) ? PdfSignature.Revocation.CHECKED
                    : PdfSignature.Revocation.NONE;
            if (revoked != null && !revoked.isAfter(signedAt)) {
                return result.verdict(SignatureVerdict.REVOKED, checked, "revoked " + revoked);
            }
            return result.verdict(revision == revisions ? SignatureVerdict.VALID
                    : SignatureVerdict.VALID_EARLIER_REVISION, checked, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            return result.verdict(SignatureVerdict.MALFORMED, PdfSignature.Revocation.NONE,
                    "unreadable certificate: " + e.getMessage());
        }
    }

    private record Found(int position, String name, String organisation, Instant signedAt, long covered,
            int revision, int revisions) {
        PdfSignature verdict(SignatureVerdict verdict, PdfSignature.Revocation revocation, String detail) {
            return new PdfSignature(position, verdict, name, organisation, signedAt, covered, revision, revisions,
                    revocation, detail);
        }
    }

    private static PdfSignature malformed(int position, int revisions, String detail) {
        return new PdfSignature(position, SignatureVerdict.MALFORMED, null, null, null, 0, 0, revisions,
                PdfSignature.Revocation.NONE, detail);
    }

    private static boolean intact(SignerInformation signer, X509CertificateHolder holder) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
        } catch (CMSException | OperatorCreationException | java.security.cert
                .CertificateException e) {
            return false;
        }
    }

    /** The certificate that issued the signer's, on a path to a trust anchor valid at the signing time; or null. */
    private static X509Certificate chain(X509Certificate certificate, List<X509Certificate> embedded, Trust trust,
            Date when) {
        if (trust.anchors().isEmpty()) {
            return null;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.anchors(), target);
            List<X509Certificate> pool = new ArrayList<>(embedded);
            pool.addAll(trust.intermediates());
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            var certificates = path.getCertPath().getCertificates();
            return certificates.size() > 1 ? (X509Certificate) certificates.get(1)
                    : path.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * The time of a timestamp on the signature when it verifies, else the signer's own signing-time attribute,
     * else the PDF's /M. A timestamp is an unsigned attribute anyone can add after signing, so its time counts only
     * when it covers this signature's value, is signed by a time-stamping certificate valid then, and that
     * certificate chains to the trust store; otherwise it is ignored.
     */
    private static Instant signingTime(SignerInformation signer, PDSignature signature, Trust trust) {
        try {
            Attribute stamp = signer.getUnsignedAttributes() == null ? null
                    : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (stamp != null) {
                Instant stamped = verifiedTime(new TimeStampToken(ContentInfo.getInstance(
                        stamp.getAttrValues().getObjectAt(0))), signer.getSignature(), trust);
                if (stamped != null) {
                    return stamped;
                }
            }
            if (signer.getSignedAttributes() != null) {
                Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
                if (time != null) {
                    return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
                }
            }
        } catch (IOException | TSPException | RuntimeException e) {
            // An unreadable time attribute falls back to the dictionary's date.
        }
        return signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    }

    /** The timestamp's time if it is over these signature bytes and its authority is trusted then; else null. */
    private static Instant verifiedTime(TimeStampToken token, byte[] signatureValue, Trust trust) {
        try {
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signatureValue);
            }
            if (!Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> authorities = token.getCertificates().getMatches(token.getSID());
            if (authorities.isEmpty()) {
                return null;
            }
            X509CertificateHolder authority = authorities.iterator().next();
            // Checks the token's signature, and that the certificate is for time stamping and valid at its time.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            List<X509Certificate> embedded = new ArrayList<>();
            for (Object c : token.getCertificates().getMatches(null)) {
                embedded.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) c));
            }
            Date at = token.getTimeStampInfo().getGenTime();
            return chain(new JcaX509CertificateConverter().getCertificate(authority), embedded, trust, at) == null
                    ? null : at.toInstant();
        } catch (IOException | GeneralSecurityException | OperatorCreationException | TSPException
                | RuntimeException e) {
            return null;
        }
    }

    private static String part(X500Name name, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** How many revisions end within the first {@code end} bytes: each ends with an end-of-file marker. */
    private static int count(byte[] pdf, int end) {
        int n = 0;
        for (int i = 0; i + EOF.length <= end; i++) {
            int j = 0;
            while (j < EOF.length && pdf[i + j] == EOF[j]) {
                j++;
            }
            if (j == EOF.length) {
                n++;
                i += EOF.length - 1;
            }
        }
        return n;
    }

    /** CRLs and OCSP responses embedded in a file: in the document security store and in a signature. */
    private record Revocations(List<X509CRL> crls, List<BasicOCSPResp> ocsps) {

        static Revocations ofStore(PDDocument document) {
            Revocations found = new Revocations(new ArrayList<>(), new ArrayList<>());
            COSDictionary dss = document.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(COSName.getPDFName("DSS"));
            if (dss != null) {
                for (byte[] crl : streams(dss.getCOSArray(COSName.getPDFName("CRLs")))) {
                    found.addCrl(crl);
                }
                for (byte[] ocsp : streams(dss.getCOSArray(COSName.getPDFName("OCSPs")))) {
                    found.addOcsp(ocsp);
                }
            }
            return found;
        }

        static Revocations ofSignature(CMSSignedData cms, SignerInformation signer) {
            Revocations found = new Revocations(new ArrayList<>(), new ArrayList<>());
            for (Object crl : cms.getCRLs().getMatches(null)) {
                try {
                    found.addCrl(((X509CRLHolder) crl).getEncoded());
                } catch (IOException e) {
                    // An unreadable CRL is no revocation data.
                }
            }
            Attribute archival = signer.getSignedAttributes() == null ? null
                    : signer.getSignedAttributes().get(ADOBE_REVOCATION);
            if (archival != null) {
                for (ASN1Encodable part : ASN1Sequence.getInstance(archival.getAttrValues().getObjectAt(0))) {
                    ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(part);
                    ASN1Sequence items = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
                    for (ASN1Encodable item : items) {
                        try {
                            if (tagged.getTagNo() == 0) {
                                found.addCrl(CertificateList.getInstance(item).getEncoded());
                            } else if (tagged.getTagNo() == 1) {
                                found.addOcsp(item.toASN1Primitive().getEncoded());
                            }
                        } catch (IOException e) {
                            // As above.
                        }
                    }
                }
            }
            return found;
        }

        Revocations with(Revocations other) {
            List<X509CRL> crls = new ArrayList<>(this.crls);
            crls.addAll(other.crls);
            List<BasicOCSPResp> ocsps = new ArrayList<>(this.ocsps);
            ocsps.addAll(other.ocsps);
            return new Revocations(crls, ocsps);
        }

        private void addCrl(byte[] der) {
            try (InputStream in = new ByteArrayInputStream(der)) {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // As above.
            }
        }

        private void addOcsp(byte[] der) {
            try {
                if (new OCSPResp(der).getResponseObject() instanceof BasicOCSPResp basic) {
                    ocsps.add(basic);
                }
            } catch (IOException | OCSPException | RuntimeException e) {
                // As above.
            }
        }

        /** The earliest revocation of the certificate that data signed by its issuer states; null if none. */
        Instant revokedAt(X509Certificate certificate, X509Certificate issuer) {
            Instant earliest = null;
            for (X509CRL crl : issuedBy(issuer)) {
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    earliest = earlier(earliest, entry.getRevocationDate().toInstant());
                }
            }
            for (SingleResp response : responses(certificate, issuer)) {
                if (response.getCertStatus() instanceof RevokedStatus revoked) {
                    earliest = earlier(earliest, revoked.getRevocationTime().toInstant());
                }
            }
            return earliest;
        }

        boolean covers(X509Certificate certificate, X509Certificate issuer) {
            return !issuedBy(issuer).isEmpty() || !responses(certificate, issuer).isEmpty();
        }

        private List<X509CRL> issuedBy(X509Certificate issuer) {
            List<X509CRL> signed = new ArrayList<>();
            for (X509CRL crl : crls) {
                try {
                    if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                        crl.verify(issuer.getPublicKey());
                        signed.add(crl);
                    }
                } catch (GeneralSecurityException e) {
                    // A CRL its issuer did not sign says nothing.
                }
            }
            return signed;
        }

        /** The OCSP answers about the certificate, signed by its issuer or by a responder the issuer certified. */
        private List<SingleResp> responses(X509Certificate certificate, X509Certificate issuer) {
            List<SingleResp> about = new ArrayList<>();
            try {
                X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
                var digests = new JcaDigestCalculatorProviderBuilder().build();
                for (BasicOCSPResp basic : ocsps) {
                    if (!signedForIssuer(basic, issuer, issuerHolder)) {
                        continue;
                    }
                    for (SingleResp response : basic.getResponses()) {
                        if (response.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                                && response.getCertID().matchesIssuer(issuerHolder, digests)) {
                            about.add(response);
                        }
                    }
                }
            } catch (GeneralSecurityException | OperatorCreationException
                    | OCSPException e) {
                // Unreadable responses say nothing.
            }
            return about;
        }

        private static boolean signedForIssuer(BasicOCSPResp basic, X509Certificate issuer,
                X509CertificateHolder issuerHolder) {
            try {
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                    return true;
                }
                for (X509CertificateHolder responder : basic.getCerts()) {
                    if (responder.getIssuer().equals(issuerHolder.getSubject())
                            && responder.isSignatureValid(new JcaContentVerifierProviderBuilder()
                                    .build(issuer.getPublicKey()))
                            && basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                        return true;
                    }
                }
            } catch (OperatorCreationException | OCSPException
                    | CertException | CertificateException e) {
                return false;
            }
            return false;
        }

        private static Instant earlier(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }

        private static List<byte[]> streams(COSArray array) {
            List<byte[]> contents = new ArrayList<>();
            if (array == null) {
                return contents;
            }
            for (COSBase item : array) {
                COSBase value = item instanceof COSObject object ? object.getObject() : item;
                if (value instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        contents.add(in.readAllBytes());
                    } catch (IOException e) {
                        // As above.
                    }
                }
            }
            return contents;
        }
    }
}
