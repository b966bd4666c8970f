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
        X509Certificate certificate = certificate(subject, subject, keys, keys.getPrivate(), from, to, true);
        return new Credential(keys.getPrivate(), certificate, List.of(certificate));
    }

    /** A certificate issued by {@code issuer}: a CA when {@code ca}, else a signer's. */
    public static Credential issue(Credential issuer, String commonName, String organisation, Instant from,
            Instant to, boolean ca) {
        KeyPair keys = keys();
        X509Certificate certificate = certificate(X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded()), name(commonName, organisation), keys,
                issuer.key(), from, to, ca);
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(issuer.chain());
        return new Credential(keys.getPrivate(), certificate, List.copyOf(chain));
    }

    /** Signs the PDF by an incremental update (PAdES basic: a detached CMS signature with its chain and CRLs). */
    public static byte[] sign(byte[] pdf, Credential signer, Instant signingTime, List<X509CRLHolder> crls) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream();
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer, signingTime, crls),
                    options);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(byte[] content, Credential signer, Instant signingTime, List<X509CRLHolder> crls)
            throws IOException {
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
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot sign", e);
        }
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
            Instant from, Instant to, boolean ca) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM), Date.from(from), Date.from(to), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
