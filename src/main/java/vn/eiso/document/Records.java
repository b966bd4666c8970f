package vn.eiso.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard.Caller;

/**
 * Records (hồ sơ) kept while applying the procedures. Filed against a record template or form in force, kept
 * for the template's retention period, never edited: a correction is a new entry that points to the one it
 * corrects.
 */
@Service
public class Records {

    static final String TARGET = "RECORD";
    /** Five years when the template does not say. */
    private static final int DEFAULT_RETENTION_MONTHS = 60;

    private final JooqRecordRepository records;
    private final JooqRevisionRepository revisions;
    private final DocumentAccess access;
    private final FileInspector inspector;
    private final FileStore files;
    private final AuditTrail trail;
    private final Clock clock;

    Records(JooqRecordRepository records, JooqRevisionRepository revisions, DocumentAccess access,
            FileInspector inspector, FileStore files, AuditTrail trail, Clock clock) {
        this.records = records;
        this.revisions = revisions;
        this.access = access;
        this.inspector = inspector;
        this.files = files;
        this.trail = trail;
        this.clock = clock;
    }

    /** Files a record; every file is checked before anything is written, so a refused file files nothing. */
    @Transactional
    public FiledRecord file(DocumentId templateId, String title, String text, Map<String, byte[]> attachments) {
        return fileEntry(templateId, title, text, attachments, null);
    }

    /** Files a correction of {@code original}; the original stays as it was. */
    @Transactional
    public FiledRecord correct(RecordId original, String title, String text, Map<String, byte[]> attachments) {
        FiledRecord corrected = records.find(original).orElseThrow(() -> new DomainException("error.record.notFound"));
        access.member(corrected.unitId());
        return fileEntry(corrected.templateId(), title, text, attachments, original);
    }

    @Transactional(readOnly = true)
    public List<FiledRecord> list(UnitId unit, int offset, int limit) {
        access.reader(unit);
        return records.ofUnit(unit, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(UnitId unit) {
        access.reader(unit);
        return records.count(unit);
    }

    /** One record, for whoever may read its unit (a search hit opens it). */
    @Transactional(readOnly = true)
    public FiledRecord get(RecordId id) {
        access.recordReadable(id);
        return records.find(id).orElseThrow(() -> new DomainException("error.record.notFound"));
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(RecordId id) {
        access.recordReadable(id);
        return revisions.recordAttachments(id);
    }

    private FiledRecord fileEntry(DocumentId templateId, String title, String text, Map<String, byte[]> attachments,
            RecordId corrects) {
        Document template = access.readable(templateId);
        Caller caller = access.member(template.unitId());
        if (template.type() != DocumentType.RECORD_TEMPLATE && template.type() != DocumentType.FORM) {
            throw new DomainException("error.record.notTemplate");
        }
        if (template.status() != DocumentStatus.EFFECTIVE) {
            throw new DomainException("error.document.notEffective");
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new DomainException("error.document.titleRequired");
        }
        if (cleanTitle.length() > 500) {
            throw new DomainException("error.document.titleTooLong", 500);
        }
        record Checked(FileInspector.Inspected file, byte[] content) {
        }
        List<Checked> checked = attachments.entrySet().stream()
                .map(e -> new Checked(inspector.inspect(e.getKey(), e.getValue()), e.getValue())).toList();
        int months = template.retentionMonths() == null ? DEFAULT_RETENTION_MONTHS : template.retentionMonths();
        OffsetDateTime now = OffsetDateTime.now(clock);
        RecordId id = records.insert(template.unitId(), templateId, cleanTitle, text, caller.user().orElseThrow(),
                now, LocalDate.now(clock).plusMonths(months), corrects);
        for (Checked entry : checked) {
            FileInspector.Inspected file = entry.file();
            files.put(file.sha256(), entry.content());
            revisions.insertAttachment(null, id, file.fileName(), file.contentType(), file.size(), file.sha256(),
                    file.text(), now);
        }
        trail.record(corrects == null ? "RECORD_FILED" : "RECORD_CORRECTED", TARGET, id, template.unitId(),
                template.code() + " · " + cleanTitle);
        return records.find(id).orElseThrow();
    }
}
