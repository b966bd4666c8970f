package vn.eiso.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small certificate authority made at start-up, so that the demo province has a digitally signed decision
 * without a real key, and the tests build their own CAs, expired certificates and signed PDFs. Its root is never
 * shipped as trusted: the demo adds it to the demo's trust store, named as what it is.
 */
public final class DemoPki {

    /** A key and its certificate, with the chain above it (the certificate first). */
    public record Credential(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPki() {
    }

    /** A self-signed root CA. */
    public static Credential root(String name, Instant from, Instant to) {
        KeyPair keys = keys();
        X500Name subject = name(name, null);
        X509Certificate certificate = certificate(subject, subject, keys, keys.getPrivate(), from, to, Purpose.CA);
        return new Credential(keys.getPrivate(), certificate, List.of(certificate));
    }

    /** A certificate issued by {@code issuer}: a CA when {@code ca}, else a signer's. */
    public static Credential issue(Credential issuer, String commonName, String organisation, Instant from,
            Instant to, boolean ca) {
        return issue(issuer, commonName, organisation, from, to, ca ? Purpose.CA : Purpose.SIGNER);
    }

    /** A timestamping authority's certificate (extended key usage: time stamping only, as RFC 3161 asks). */
    public static Credential timestampAuthority(Credential issuer, String commonName, Instant from, Instant to) {
        return issue(issuer, commonName, null, from, to, Purpose.TIMESTAMPING);
    }

    /** A timestamp the authority puts on a signature, saying it existed at {@code at}. */
    public record Stamp(Credential authority, Instant at) {
    }

    private enum Purpose { CA, SIGNER, TIMESTAMPING }

    private static Credential issue(Credential issuer, String commonName, String organisation, Instant from,
            Instant to, Purpose purpose) {
        KeyPair keys = keys();
        X509Certificate certificate = certificate(X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded()), name(commonName, organisation), keys,
                issuer.key(), from, to, purpose);
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(issuer.chain());
        return new Credential(keys.getPrivate(), certificate, List.copyOf(chain));
    }

    /** Signs the PDF by an incremental update (PAdES basic: a detached CMS signature with its chain and CRLs). */
    public static byte[] sign(byte[] pdf, Credential signer, Instant signingTime, List<X509CRLHolder> crls) {
        return sign(pdf, signer, signingTime, crls, null);
    }

    /** Signs as above, the signature timestamped by an authority when {@code stamp} is given. */
    public static byte[] sign(byte[] pdf, Credential signer, Instant signingTime, List<X509CRLHolder> crls,
            Stamp stamp) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream();
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer, signingTime, crls,
                    stamp), options);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(byte[] content, Credential signer, Instant signingTime, List<X509CRLHolder> crls,
            Stamp stamp) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            AttributeTable signed = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signingTime)))));
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.key()), signer.certificate()));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            for (X509CRLHolder crl : crls) {
                generator.addCRL(crl);
            }
            CMSSignedData cms = generator.generate(new CMSProcessableByteArray(content), false);
            return (stamp == null ? cms : stamped(cms, stamp)).getEncoded();
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | TSPException e) {
            throw new IOException("cannot sign", e);
        }
    }

    /** The signature with the authority's RFC 3161 token over its signature value, as an unsigned attribute. */
    private static CMSSignedData stamped(CMSSignedData cms, Stamp stamp)
            throws OperatorCreationException, GeneralSecurityException, TSPException, IOException {
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        // Two calculators: the generator hashes the authority's certificate with its own.
        DigestCalculator imprint = sha256();
        try (var out = imprint.getOutputStream()) {
            out.write(signer.getSignature());
        }
        TimeStampTokenGenerator authority = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", stamp.authority().key(), stamp.authority().certificate()), sha256(),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.60000.1"));
        authority.addCertificates(new JcaCertStore(stamp.authority().chain()));
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true); // the token then carries the authority's chain, for the verifier to check
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, imprint.getDigest());
        TimeStampToken token = authority.generate(request, new BigInteger(64, RANDOM), Date.from(stamp.at()));
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure()));
        SignerInformation withStamp = SignerInformation.replaceUnsignedAttributes(signer,
                new AttributeTable(attribute));
        return CMSSignedData.replaceSigners(cms, new SignerInformationStore(withStamp));
    }

    private static DigestCalculator sha256() throws OperatorCreationException {
        return new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String commonName, String organisation) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (organisation != null) {
            name.addRDN(BCStyle.O, organisation);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair keys, PrivateKey issuerKey,
            Instant from, Instant to, Purpose purpose) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM), Date.from(from), Date.from(to), subject, keys.getPublic());
            boolean ca = purpose == Purpose.CA;
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (purpose == Purpose.TIMESTAMPING) {
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
