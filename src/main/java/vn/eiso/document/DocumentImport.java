package vn.eiso.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.document.ImportVerdict.Outcome;

/**
 * Turns one checked file of an import into a document's revision, inside the caller's transaction. A new code
 * makes a new document; a code that an earlier import brought gets the next revision of its history, provided it
 * comes later in number and date; the same content again is skipped, so a failed run can simply be repeated.
 * A revision with an effective date waits as imported until the unit head confirms the batch; one without is a
 * draft like any other.
 */
@Component
class DocumentImport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DocumentRegister register;
    private final JooqDocumentRepository documents;
    private final JooqRevisionRepository revisions;
    private final RevisionWorkflow workflow;
    private final FileStore files;
    private final AuditTrail trail;
    private final Clock clock;

    DocumentImport(DocumentRegister register, JooqDocumentRepository documents, JooqRevisionRepository revisions,
            RevisionWorkflow workflow, FileStore files, AuditTrail trail, Clock clock) {
        this.register = register;
        this.documents = documents;
        this.revisions = revisions;
        this.workflow = workflow;
        this.files = files;
        this.trail = trail;
        this.clock = clock;
    }

    /** The verdict on the file; a refusal is thrown, so that the caller's transaction leaves nothing behind. */
    ImportVerdict importFile(UnitId unit, UserId author, ImportJobId job, String shown, ImportEntry entry,
            FileInspector.Inspected file, byte[] content) {
        if (entry.effectiveOn() != null && entry.effectiveOn().isAfter(LocalDate.now(clock))) {
            throw new DomainException("import.error.futureDate", DAY.format(entry.effectiveOn()));
        }
        Optional<DocumentId> existing = documents.findByCode(unit, entry.code());
        if (existing.isPresent() && revisions.holdsFile(existing.get(), file.sha256())) {
            return ImportVerdict.of(shown, entry.code(), Outcome.SKIPPED, "import.skipped.unchanged", entry.code());
        }
        DocumentId id = existing.isPresent() ? nextInHistory(existing.get(), entry) : newDocument(unit, entry, author);
        OffsetDateTime now = OffsetDateTime.now(clock);
        RevisionId revision = revisions.insertImported(id, entry.revision(), author, job, now);
        files.put(file.sha256(), content);
        revisions.insertAttachment(revision, null, file.fileName(), file.contentType(), file.size(), file.sha256(),
                file.text(), now);
        if (entry.effectiveOn() != null) {
            revisions.markImported(revision, workflow.contentSha256(revisions.find(revision).orElseThrow()),
                    entry.effectiveOn());
        }
        trail.record("DOCUMENT_IMPORTED", DocumentRegister.TARGET, id, unit,
                entry.code() + " lần " + entry.revision() + " · " + file.fileName() + " · " + file.sha256());
        if (file.text().isBlank() && (file.contentType().equals("application/pdf")
                || file.contentType().startsWith("image/"))) {
            return ImportVerdict.of(shown, entry.code(), Outcome.IMPORTED, "import.note.scanned");
        }
        return entry.effectiveOn() == null
                ? ImportVerdict.of(shown, entry.code(), Outcome.IMPORTED, "import.note.draft", entry.revision())
                : ImportVerdict.of(shown, entry.code(), Outcome.IMPORTED, "import.note.awaiting", entry.revision(),
                        DAY.format(entry.effectiveOn()));
    }

    private DocumentId newDocument(UnitId unit, ImportEntry entry, UserId author) {
        DocumentData data = register.validated(unit, DocumentData.of(entry.code(), entry.title(), entry.type(), author),
                null);
        return register.insertChecked(unit, data);
    }

    /** A later revision of a document an import brought: after every revision it has, in number and in date. */
    private DocumentId nextInHistory(DocumentId id, ImportEntry entry) {
        if (!revisions.createdByImport(id)) {
            throw new DomainException("error.document.codeTaken", entry.code());
        }
        List<Revision> history = revisions.ofDocument(id);
        int last = history.stream().mapToInt(Revision::number).max().orElse(0);
        if (entry.revision() <= last) {
            throw new DomainException("import.error.revisionOrder", entry.code(), entry.revision(), last);
        }
        if (history.stream().anyMatch(r -> !r.status().isFrozen())) {
            throw new DomainException("import.error.afterDraft", entry.code());
        }
        Optional<LocalDate> lastDate = history.stream().map(Revision::effectiveOn).filter(d -> d != null)
                .max(LocalDate::compareTo);
        if (entry.effectiveOn() != null && lastDate.isPresent() && !entry.effectiveOn().isAfter(lastDate.get())) {
            throw new DomainException("import.error.dateOrder", entry.code(), DAY.format(entry.effectiveOn()),
                    DAY.format(lastDate.get()));
        }
        if (documents.find(id).map(d -> d.status() == DocumentStatus.OBSOLETE).orElse(false)) {
            throw new DomainException("error.document.withdrawn");
        }
        return id;
    }
}
