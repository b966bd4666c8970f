package vn.eiso.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/** Anyone in the unit asks for a change to a document in force; the quality officer accepts or declines. */
@Service
public class ChangeRequests {

    private final JooqChangeRequestRepository requests;
    private final DocumentAccess access;
    private final AccessGuard guard;
    private final RevisionWorkflow workflow;
    private final AuditTrail trail;
    private final Clock clock;

    ChangeRequests(JooqChangeRequestRepository requests, DocumentAccess access, AccessGuard guard,
            RevisionWorkflow workflow, AuditTrail trail, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.guard = guard;
        this.workflow = workflow;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public ChangeRequest request(DocumentId documentId, String text) {
        Document document = access.readable(documentId);
        Caller caller = access.member(document.unitId());
        if (document.status() != DocumentStatus.EFFECTIVE) {
            throw new DomainException("error.document.notEffective");
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new DomainException("error.changeRequest.textRequired");
        }
        if (clean.length() > 4000) {
            throw new DomainException("error.changeRequest.textTooLong", 4000);
        }
        ChangeRequestId id = requests.insert(documentId, caller.user().orElseThrow(), clean, now());
        trail.record("CHANGE_REQUESTED", DocumentRegister.TARGET, documentId, document.unitId(), clean);
        return requests.find(id).orElseThrow();
    }

    /** Accepting opens a new draft revision linked to the request. */
    @Transactional
    public Revision accept(ChangeRequestId id, int version) {
        ChangeRequest request = open(id);
        Document document = access.readable(request.documentId());
        Caller caller = guard.requireRoleIn(document.unitId(), Role.QUALITY_OFFICER);
        Revision draft = workflow.startDraft(document, caller, request.text(), id);
        if (!requests.decide(id, version, ChangeRequest.Status.ACCEPTED, caller.user().orElseThrow(), now(), null,
                draft.id())) {
            throw new ConcurrentEditException();
        }
        trail.record("CHANGE_ACCEPTED", DocumentRegister.TARGET, document.id(), document.unitId(),
                "revision " + draft.number());
        return draft;
    }

    @Transactional
    public ChangeRequest decline(ChangeRequestId id, int version, String reason) {
        ChangeRequest request = open(id);
        Document document = access.readable(request.documentId());
        Caller caller = guard.requireRoleIn(document.unitId(), Role.QUALITY_OFFICER);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("error.changeRequest.reasonRequired");
        }
        if (!requests.decide(id, version, ChangeRequest.Status.DECLINED, caller.user().orElseThrow(), now(),
                reason.strip(), null)) {
            throw new ConcurrentEditException();
        }
        trail.record("CHANGE_DECLINED", DocumentRegister.TARGET, document.id(), document.unitId(), reason.strip());
        return requests.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ChangeRequest> ofDocument(DocumentId documentId) {
        access.readable(documentId);
        return requests.ofDocument(documentId);
    }

    private ChangeRequest open(ChangeRequestId id) {
        ChangeRequest request = requests.find(id).orElseThrow(() -> new DomainException("error.changeRequest.notFound"));
        if (request.status() != ChangeRequest.Status.OPEN) {
            throw new DomainException("error.changeRequest.decided");
        }
        return request;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
