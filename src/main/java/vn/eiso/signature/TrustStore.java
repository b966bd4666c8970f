package vn.eiso.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.AccessGuard;

/**
 * The CA certificates the administrator trusts for signatures: PEM (or DER) files of the national root and
 * intermediate CAs. None is trusted by default. Every change starts a new generation, and the verdicts taken under
 * an older one are taken again (ADR 0024). Kept in the database, so every node of a cluster trusts the same.
 */
@Service
public class TrustStore {

    /** A CA bundle is a few kilobytes; anything much larger is not one. */
    static final int MAX_BYTES = 1024 * 1024;
    public static final String TARGET = "TRUST_CERTIFICATE";

    private final JooqSignatureRepository repository;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>(
            new Loaded(List.of(), new PdfSignatureVerifier.Trust(Set.of(), List.of())));

    TrustStore(JooqSignatureRepository repository, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.repository = repository;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    private record Loaded(List<String> fingerprints, PdfSignatureVerifier.Trust trust) {
    }

    @Transactional(readOnly = true)
    public List<TrustedCertificate> certificates() {
        guard.requireAdministrator();
        return repository.certificates();
    }

    /**
     * Adds the certificates of a PEM or DER file; those already trusted are passed over. A file that holds no
     * certificate, or that holds a private key (which must never leave its owner), is refused whole. Returns how
     * many were added.
     */
    @Transactional
    public int add(String fileName, byte[] content) {
        guard.requireAdministrator();
        if (content == null || content.length == 0) {
            throw new DomainException("error.trust.empty", fileName);
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.trust.tooLarge", fileName);
        }
        if (new String(content, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY")) {
            throw new DomainException("error.trust.privateKey", fileName);
        }
        List<X509Certificate> certificates = parse(fileName, content);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int added = 0;
        for (X509Certificate certificate : certificates) {
            String fingerprint = fingerprint(certificate);
            if (repository.holds(fingerprint)) {
                continue;
            }
            repository.insertCertificate(certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(), fingerprint,
                    certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC),
                    certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC), pem(certificate),
                    guard.actorName(), now);
            trail.record("TRUST_CERTIFICATE_ADDED", TARGET, fingerprint, null,
                    certificate.getSubjectX500Principal().getName());
            added++;
        }
        if (added > 0) {
            repository.bumpGeneration();
        }
        return added;
    }

    @Transactional
    public void remove(long id) {
        guard.requireAdministrator();
        TrustedCertificate certificate = repository.certificate(id)
                .orElseThrow(() -> new DomainException("error.trust.notFound"));
        repository.deleteCertificate(id);
        repository.bumpGeneration();
        trail.record("TRUST_CERTIFICATE_REMOVED", TARGET, certificate.fingerprint(), null, certificate.subject());
    }

    /** The generation verdicts are taken under now. */
    long generation() {
        return repository.generation();
    }

    /**
     * The anchors and intermediates, parsed again only when the set of certificates changed: keyed by their
     * fingerprints rather than the generation, which a rolled-back change can hand out twice.
     */
    PdfSignatureVerifier.Trust trust() {
        List<String> fingerprints = repository.fingerprints();
        Loaded current = loaded.get();
        if (current.fingerprints().equals(fingerprints)) {
            return current.trust();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (String pem : repository.pems()) {
            for (X509Certificate certificate : parse("trust store", pem.getBytes(StandardCharsets.US_ASCII))) {
                if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    anchors.add(new TrustAnchor(certificate, null));
                } else {
                    intermediates.add(certificate);
                }
            }
        }
        PdfSignatureVerifier.Trust trust = new PdfSignatureVerifier.Trust(Set.copyOf(anchors),
                List.copyOf(intermediates));
        loaded.set(new Loaded(fingerprints, trust));
        return trust;
    }

    private static List<X509Certificate> parse(String fileName, byte[] content) {
        try {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content));
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : parsed) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new DomainException("error.trust.unreadable", fileName);
            }
            return certificates;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            throw new DomainException("error.trust.unreadable", fileName);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as a PEM block, the form the trust store keeps and administrators exchange. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
