package vn.eiso.document;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/**
 * Who may do what with a unit's documents. Everyone who may read the unit sees what is or was in force; drafts,
 * revisions in review and approved ones not yet in force are for the unit's editors (quality officer, unit head).
 */
@Component
class DocumentAccess {

    private final AccessGuard guard;
    private final JooqDocumentRepository documents;
    private final JooqRecordRepository records;

    DocumentAccess(AccessGuard guard, JooqDocumentRepository documents, JooqRecordRepository records) {
        this.guard = guard;
        this.documents = documents;
        this.records = records;
    }

    Caller anyone() {
        return guard.caller();
    }

    /** A record may be read by whoever may read its unit. */
    void recordReadable(RecordId id) {
        reader(records.unitOf(id).orElseThrow(() -> new DomainException("error.record.notFound")));
    }

    Caller reader(UnitId unit) {
        return guard.requireReadAccess(unit);
    }

    Caller editor(UnitId unit) {
        return guard.requireEditor(unit);
    }

    Caller approver(UnitId unit) {
        return guard.requireRoleIn(unit, Role.UNIT_HEAD);
    }

    /** Any member of the unit (whatever the role), e.g. to ask for a change or file a record. */
    Caller member(UnitId unit) {
        Caller caller = guard.caller();
        if (!caller.isAdministrator() && caller.grants().stream().noneMatch(g -> g.unitId().equals(unit))) {
            throw new AccessDeniedException("not a member of unit " + unit);
        }
        return caller;
    }

    static boolean isEditor(Caller caller, UnitId unit) {
        return caller.canEdit(unit);
    }

    /** Whether the caller may see this revision; a hidden one is reported as not found, not as forbidden. */
    static boolean canSee(Caller caller, UnitId unit, RevisionStatus status) {
        return status.isPublished() || isEditor(caller, unit);
    }

    /** The document, after checking that the caller may read its unit. */
    Document readable(DocumentId id) {
        Document document = documents.find(id).orElseThrow(() -> new DomainException("error.document.notFound"));
        Caller caller = reader(document.unitId());
        if (document.status() == DocumentStatus.DRAFT && !isEditor(caller, document.unitId())) {
            throw new DomainException("error.document.notFound");
        }
        return document;
    }
}
