package vn.eiso.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.catalogue.CatalogueChanged;
import vn.eiso.catalogue.TthcCatalogue;

/** The register of a unit's controlled documents: entries, the list, periodic review, external documents. */
@Service
public class DocumentRegister {

    static final String TARGET = "DOCUMENT";
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._\\-/]{1,64}");

    private final JooqDocumentRepository documents;
    private final DocumentAccess access;
    private final AuditTrail trail;
    private final Clock clock;
    private final TthcCatalogue catalogue;

    DocumentRegister(JooqDocumentRepository documents, DocumentAccess access, AuditTrail trail, Clock clock,
            TthcCatalogue catalogue) {
        this.documents = documents;
        this.catalogue = catalogue;
        this.access = access;
        this.trail = trail;
        this.clock = clock;
    }

    /** A page of the register; readers who are not editors never see documents that were never in force. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> list(DocumentFilter filter, DocumentSort sort, boolean ascending, int offset,
            int limit) {
        return documents.list(filter, includeDrafts(filter), today(), sort, ascending, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(DocumentFilter filter) {
        return documents.count(filter, includeDrafts(filter), today());
    }

    @Transactional(readOnly = true)
    public Document get(DocumentId id) {
        return access.readable(id);
    }

    /** Who may not audit this document impartially: its owner and whoever approved any of its revisions. */
    @Transactional(readOnly = true)
    public Set<UserId> ownerAndApprovers(DocumentId id) {
        access.readable(id);
        return documents.ownerAndApprovers(id);
    }

    /** Whether the caller edits this unit's documents (quality officer, unit head, administrator). */
    @Transactional(readOnly = true)
    public boolean canEdit(UnitId unit) {
        return DocumentAccess.isEditor(access.reader(unit), unit);
    }

    @Transactional
    public Document create(UnitId unit, DocumentData input) {
        Caller caller = access.editor(unit);
        DocumentData data = validated(unit, input.owner() != null ? input : new DocumentData(input.code(),
                input.title(), input.type(), caller.user().orElse(null), input.tthcCodes(), input.isoClauses(),
                input.reviewPeriodMonths(), input.retentionMonths(), input.issuer(), input.externalNumber(),
                input.issuedOn(), input.validUntil(), input.references()), null);
        DocumentId id = insertChecked(unit, data);
        trail.record("DOCUMENT_CREATED", TARGET, id, unit, data.code() + " · " + data.title());
        return documents.find(id).orElseThrow();
    }

    @Transactional
    public Document update(DocumentId id, int version, DocumentData input) {
        Document before = access.readable(id);
        access.editor(before.unitId());
        DocumentData data = validated(before.unitId(), input, before);
        if (data.type() != before.type()) {
            throw new DomainException("error.document.typeFixed");
        }
        try {
            if (!documents.update(id, version, data, now())) {
                throw new ConcurrentEditException();
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.document.codeTaken", data.code());
        }
        trail.record("DOCUMENT_UPDATED", TARGET, id, before.unitId(), before.code() + " → " + data.code());
        return documents.find(id).orElseThrow();
    }

    /** The periodic review found the document still suitable: the next review is one period from today. */
    @Transactional
    public Document confirmReviewed(DocumentId id) {
        Document document = access.readable(id);
        access.editor(document.unitId());
        if (document.status() != DocumentStatus.EFFECTIVE) {
            throw new DomainException("error.document.notEffective");
        }
        LocalDate next = today().plusMonths(document.reviewPeriodMonths());
        documents.setNextReview(id, next, now());
        trail.record("DOCUMENT_REVIEWED", TARGET, id, document.unitId(), document.code() + " → " + next);
        return documents.find(id).orElseThrow();
    }

    /** Documents in force citing a procedure the catalogue amended or abolished are flagged for review. */
    @EventListener
    void onCatalogueChanged(CatalogueChanged event) {
        for (String code : event.amendedOrAbolished()) {
            String reason = "TTHC " + code + " · " + event.changes().get(code) + " · v" + event.version();
            documents.flagCiting(code, reason, now()).forEach((id, unit) ->
                    trail.record("DOCUMENT_REVIEW_FLAGGED", TARGET, id, unit, reason));
        }
    }

    /** Marks an external document replaced or expired; the documents relying on it are flagged for review. */
    @Transactional
    public List<DocumentId> changeExternalStatus(DocumentId id, int version, ExternalStatus status) {
        Document document = access.readable(id);
        access.editor(document.unitId());
        if (document.type() != DocumentType.EXTERNAL) {
            throw new DomainException("error.document.notExternal");
        }
        if (!documents.setExternalStatus(id, version, status, now())) {
            throw new ConcurrentEditException();
        }
        List<DocumentId> flagged = status == ExternalStatus.VALID ? List.of()
                : documents.flagReferencing(id, document.code() + " · " + status, now());
        trail.record("EXTERNAL_STATUS_CHANGED", TARGET, id, document.unitId(),
                document.code() + " → " + status + ", " + flagged.size() + " flagged");
        return flagged;
    }

    /** The unit's external documents, for choosing what a document relies on. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> externalDocuments(UnitId unit) {
        access.reader(unit);
        return documents.externalDocuments(unit, today());
    }

    /** Documents due for periodic review or flagged, for the reminders on the dashboard. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> reviewsDue(UnitId unit, int limit) {
        access.editor(unit);
        return documents.overdue(unit, today(), limit);
    }

    DocumentId insertChecked(UnitId unit, DocumentData data) {
        try {
            return documents.insert(unit, data, now(), null);
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.document.codeTaken", data.code());
        }
    }

    /** The entry as it will be stored, or the first refusal; {@code before} is the entry being edited, if any. */
    DocumentData validated(UnitId unit, DocumentData d, Document before) {
        DocumentId self = before == null ? null : before.id();
        String code = d.code() == null ? "" : d.code().strip();
        if (code.isEmpty()) {
            throw new DomainException("error.document.codeRequired");
        }
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("error.document.codeInvalid");
        }
        String title = d.title() == null ? "" : d.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new DomainException("error.document.titleRequired");
        }
        if (title.length() > 500) {
            throw new DomainException("error.document.titleTooLong", 500);
        }
        if (d.type() == null) {
            throw new DomainException("error.document.typeRequired");
        }
        if (d.reviewPeriodMonths() < 1 || d.reviewPeriodMonths() > 120) {
            throw new DomainException("error.document.reviewPeriod");
        }
        if (d.retentionMonths() != null && (d.retentionMonths() < 1 || d.retentionMonths() > 1200)) {
            throw new DomainException("error.document.retention");
        }
        if (d.issuedOn() != null && d.validUntil() != null && d.validUntil().isBefore(d.issuedOn())) {
            throw new DomainException("error.dateRange");
        }
        if (documents.codeTaken(unit, code, self)) {
            throw new DomainException("error.document.codeTaken", code);
        }
        for (DocumentId ref : d.references() == null ? List.<DocumentId>of() : d.references()) {
            Document external = documents.find(ref).orElseThrow(() -> new DomainException("error.document.notFound"));
            if (external.type() != DocumentType.EXTERNAL || !external.unitId().equals(unit)) {
                throw new DomainException("error.document.referenceNotExternal");
            }
        }
        String tthc = catalogue.cite(d.tthcCodes(), before == null ? null : before.tthcCodes());
        return new DocumentData(code, title, d.type(), d.owner(), tthc,
                blankToNull(d.isoClauses()), d.reviewPeriodMonths(), d.retentionMonths(), blankToNull(d.issuer()),
                blankToNull(d.externalNumber()), d.issuedOn(), d.validUntil(),
                d.references() == null ? Set.of() : d.references());
    }

    private boolean includeDrafts(DocumentFilter filter) {
        if (DocumentAccess.isEditor(access.reader(filter.unit()), filter.unit())) {
            return true;
        }
        if (filter.status() == DocumentStatus.DRAFT
                || filter.registerStatus() != null && filter.registerStatus().isEditorsOnly()) {
            throw new DomainException("error.document.draftsForEditors");
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
