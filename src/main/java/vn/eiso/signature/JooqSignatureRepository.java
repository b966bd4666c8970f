package vn.eiso.signature;

import static vn.eiso.db.Tables.PDF_CHECK;
import static vn.eiso.db.Tables.PDF_SIGNATURE;
import static vn.eiso.db.Tables.TRUST_CERTIFICATE;
import static vn.eiso.db.Tables.TRUST_GENERATION;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.db.tables.records.PdfSignatureRecord;

@Repository
class JooqSignatureRepository {

    private final DSLContext dsl;

    JooqSignatureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long generation() {
        return dsl.select(TRUST_GENERATION.GENERATION).from(TRUST_GENERATION).where(TRUST_GENERATION.ID.eq(1))
                .fetchSingle(TRUST_GENERATION.GENERATION);
    }

    /** Starts a new generation; the row lock also orders concurrent changes of the trust store. */
    long bumpGeneration() {
        dsl.update(TRUST_GENERATION).set(TRUST_GENERATION.GENERATION, TRUST_GENERATION.GENERATION.plus(1))
                .where(TRUST_GENERATION.ID.eq(1)).execute();
        return generation();
    }

    List<TrustedCertificate> certificates() {
        return dsl.selectFrom(TRUST_CERTIFICATE).orderBy(TRUST_CERTIFICATE.SUBJECT, TRUST_CERTIFICATE.ID)
                .fetch(r -> new TrustedCertificate(r.getId(), r.getSubject(), r.getIssuer(), r.getFingerprint(),
                        r.getNotBefore(), r.getNotAfter(), r.getAddedBy(), r.getAddedAt()));
    }

    List<String> pems() {
        return dsl.select(TRUST_CERTIFICATE.PEM).from(TRUST_CERTIFICATE).fetch(TRUST_CERTIFICATE.PEM);
    }

    List<String> fingerprints() {
        return dsl.select(TRUST_CERTIFICATE.FINGERPRINT).from(TRUST_CERTIFICATE).orderBy(TRUST_CERTIFICATE.FINGERPRINT)
                .fetch(TRUST_CERTIFICATE.FINGERPRINT);
    }

    boolean holds(String fingerprint) {
        return dsl.fetchExists(TRUST_CERTIFICATE, TRUST_CERTIFICATE.FINGERPRINT.eq(fingerprint));
    }

    void insertCertificate(String subject, String issuer, String fingerprint, OffsetDateTime notBefore,
            OffsetDateTime notAfter, String pem, String addedBy, OffsetDateTime now) {
        dsl.insertInto(TRUST_CERTIFICATE).set(TRUST_CERTIFICATE.SUBJECT, subject).set(TRUST_CERTIFICATE.ISSUER, issuer)
                .set(TRUST_CERTIFICATE.FINGERPRINT, fingerprint).set(TRUST_CERTIFICATE.NOT_BEFORE, notBefore)
                .set(TRUST_CERTIFICATE.NOT_AFTER, notAfter).set(TRUST_CERTIFICATE.PEM, pem)
                .set(TRUST_CERTIFICATE.ADDED_BY, addedBy).set(TRUST_CERTIFICATE.ADDED_AT, now).execute();
    }

    Optional<TrustedCertificate> certificate(long id) {
        return certificates().stream().filter(c -> c.id() == id).findFirst();
    }

    boolean deleteCertificate(long id) {
        return dsl.deleteFrom(TRUST_CERTIFICATE).where(TRUST_CERTIFICATE.ID.eq(id)).execute() > 0;
    }

    void queue(String sha256) {
        dsl.insertInto(PDF_CHECK).set(PDF_CHECK.SHA256, sha256).onConflictDoNothing().execute();
    }

    /** The generation the file's verdict was taken under; empty when it was never checked or is not a known PDF. */
    Optional<Long> checkedUnder(String sha256) {
        return dsl.select(PDF_CHECK.GENERATION).from(PDF_CHECK).where(PDF_CHECK.SHA256.eq(sha256))
                .fetchOptional(PDF_CHECK.GENERATION);
    }

    List<PdfSignature> signatures(String sha256) {
        return dsl.selectFrom(PDF_SIGNATURE).where(PDF_SIGNATURE.SHA256.eq(sha256)).orderBy(PDF_SIGNATURE.POSITION)
                .fetch(JooqSignatureRepository::signature);
    }

    /** The kept signatures of those of the files checked under {@code generation}, in one query. */
    Map<String, List<PdfSignature>> keptUnder(Collection<String> sha256s, long generation) {
        Map<String, List<PdfSignature>> kept = new LinkedHashMap<>();
        if (sha256s.isEmpty()) {
            return kept;
        }
        dsl.select(PDF_CHECK.SHA256).from(PDF_CHECK).where(PDF_CHECK.SHA256.in(sha256s))
                .and(PDF_CHECK.GENERATION.eq(generation))
                .forEach(r -> kept.put(r.value1(), new ArrayList<>()));
        dsl.selectFrom(PDF_SIGNATURE).where(PDF_SIGNATURE.SHA256.in(kept.keySet()))
                .orderBy(PDF_SIGNATURE.SHA256, PDF_SIGNATURE.POSITION)
                .forEach(r -> kept.get(r.getSha256()).add(signature(r)));
        return kept;
    }

    private static PdfSignature signature(PdfSignatureRecord r) {
        return new PdfSignature(r.getPosition(), SignatureVerdict.valueOf(r.getVerdict()), r.getSignerName(),
                r.getOrganisation(), r.getSignedAt() == null ? null : r.getSignedAt().toInstant(),
                r.getCoveredBytes(), r.getRevision(), r.getRevisions(),
                PdfSignature.Revocation.valueOf(r.getRevocation()), r.getDetail());
    }

    /** Replaces the file's verdicts with those taken under {@code generation}. */
    void keep(String sha256, List<PdfSignature> signatures, long generation, OffsetDateTime now) {
        dsl.deleteFrom(PDF_SIGNATURE).where(PDF_SIGNATURE.SHA256.eq(sha256)).execute();
        for (PdfSignature s : signatures) {
            dsl.insertInto(PDF_SIGNATURE).set(PDF_SIGNATURE.SHA256, sha256).set(PDF_SIGNATURE.POSITION, s.position())
                    .set(PDF_SIGNATURE.VERDICT, s.verdict().name()).set(PDF_SIGNATURE.SIGNER_NAME, clip(s.signerName()))
                    .set(PDF_SIGNATURE.ORGANISATION, clip(s.organisation()))
                    .set(PDF_SIGNATURE.SIGNED_AT, s.signedAt() == null ? null : s.signedAt().atOffset(ZoneOffset.UTC))
                    .set(PDF_SIGNATURE.COVERED_BYTES, s.coveredBytes()).set(PDF_SIGNATURE.REVISION, s.revision())
                    .set(PDF_SIGNATURE.REVISIONS, s.revisions()).set(PDF_SIGNATURE.REVOCATION, s.revocation().name())
                    .set(PDF_SIGNATURE.DETAIL, s.detail() == null ? null : s.detail().substring(0,
                            Math.min(1000, s.detail().length())))
                    .execute();
        }
        dsl.insertInto(PDF_CHECK).set(PDF_CHECK.SHA256, sha256).set(PDF_CHECK.GENERATION, generation)
                .set(PDF_CHECK.CHECKED_AT, now).onConflict(PDF_CHECK.SHA256).doUpdate()
                .set(PDF_CHECK.GENERATION, generation).set(PDF_CHECK.CHECKED_AT, now).execute();
    }

    /** PDFs never checked, or checked under an older trust store. */
    List<String> stale(long generation, int limit) {
        return dsl.select(PDF_CHECK.SHA256).from(PDF_CHECK)
                .where(PDF_CHECK.GENERATION.isNull().or(PDF_CHECK.GENERATION.lt(generation)))
                .orderBy(PDF_CHECK.SHA256).limit(limit).fetch(PDF_CHECK.SHA256);
    }

    void forget(String sha256) {
        dsl.deleteFrom(PDF_SIGNATURE).where(PDF_SIGNATURE.SHA256.eq(sha256)).execute();
        dsl.deleteFrom(PDF_CHECK).where(PDF_CHECK.SHA256.eq(sha256)).execute();
    }

    private static String clip(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
