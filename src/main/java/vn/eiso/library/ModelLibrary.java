package vn.eiso.library;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DiffRow;
import vn.eiso.base.DomainException;
import vn.eiso.base.Inputs;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;

/**
 * The province's library of model procedures and forms (Circular 26/2018 gives the framework; the department
 * publishes its own). The department publishes and revises models; a unit's quality officer or head adopts one as a
 * draft in the unit's register, once; the unit compares its procedure with the current model, and hears when the
 * model is revised.
 */
@Service
public class ModelLibrary {

    public static final String TARGET = "MODEL";
    public static final String ROUTE = "model-library";
    private static final Set<DocumentType> KINDS = Set.of(DocumentType.PROCEDURE, DocumentType.FORM);
    private static final int MAX_TEXT = 200_000;

    private final JooqModelRepository models;
    private final DocumentRegister register;
    private final RevisionWorkflow workflow;
    private final UserService users;
    private final Inbox inbox;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    ModelLibrary(JooqModelRepository models, DocumentRegister register, RevisionWorkflow workflow, UserService users,
            Inbox inbox, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.models = models;
        this.register = register;
        this.workflow = workflow;
        this.users = users;
        this.inbox = inbox;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** Every model: the library is open to every signed-in user. */
    @Transactional(readOnly = true)
    public List<Model> models() {
        guard.caller();
        return models.models();
    }

    @Transactional(readOnly = true)
    public List<ModelRevision> revisions(long model) {
        guard.caller();
        return models.revisions(existing(model).id());
    }

    @Transactional(readOnly = true)
    public boolean canPublish() {
        return guard.caller().isProvinceWide();
    }

    @Transactional
    public Model publish(String code, String title, DocumentType type, String clauses, String text) {
        guard.requireProvinceWide();
        String cleanCode = Inputs.required(code, 64, "error.model.codeRequired");
        String cleanTitle = Inputs.required(title, 500, "error.model.titleRequired");
        if (type == null || !KINDS.contains(type)) {
            throw new DomainException("error.model.type");
        }
        String body = Inputs.required(text, MAX_TEXT, "error.model.textRequired");
        if (models.codeTaken(cleanCode)) {
            throw new DomainException("error.model.codeTaken", cleanCode);
        }
        String cleanClauses = clauses == null || clauses.isBlank() ? null : clauses.strip();
        if (cleanClauses != null && cleanClauses.length() > 500) {
            throw new DomainException("error.tooLong", 500);
        }
        long id = models.insert(cleanCode, cleanTitle, type, cleanClauses, now());
        models.insertRevision(id, 1, body, null, guard.actorName(), now());
        trail.record("MODEL_PUBLISHED", TARGET, id, null, cleanCode + " · " + cleanTitle);
        return existing(id);
    }

    /** Publishes a new revision of the model and tells each adopting unit's quality officers and head. */
    @Transactional
    public Model revise(long model, int version, String text, String summary) {
        guard.requireProvinceWide();
        Model current = models.lock(model).orElseThrow(() -> new DomainException("error.model.notFound"));
        String body = Inputs.required(text, MAX_TEXT, "error.model.textRequired");
        String why = Inputs.required(summary, 2000, "error.model.summaryRequired");
        int number = current.currentRevision() + 1;
        if (!models.advance(model, version, number)) {
            throw new ConcurrentEditException();
        }
        models.insertRevision(model, number, body, why, guard.actorName(), now());
        trail.record("MODEL_REVISED", TARGET, model, null, current.code() + " · " + number + " · " + why);
        for (Adoption adoption : models.adoptionsOf(model)) {
            Set<UserId> recipients = users.membersOf(adoption.unitId()).stream()
                    .filter(m -> m.role() == Role.QUALITY_OFFICER || m.role() == Role.UNIT_HEAD)
                    .map(Membership::userId).collect(Collectors.toSet());
            inbox.post(recipients, "notice.modelRevised", List.of(current.code(), String.valueOf(number),
                    adoption.documentCode(), why), "document/" + adoption.documentId().value());
        }
        return existing(model);
    }

    /** The models the unit adopted, with the documents they became. */
    @Transactional(readOnly = true)
    public List<Adoption> adoptionsIn(UnitId unit) {
        Caller caller = guard.requireReadAccess(unit);
        return visible(caller, models.adoptionsIn(unit));
    }

    /** Who adopted the model, for the department. */
    @Transactional(readOnly = true)
    public List<Adoption> adopters(long model) {
        Caller caller = guard.requireProvinceWide();
        return visible(caller, models.adoptionsOf(existing(model).id()));
    }

    /** A draft is seen by its unit's editors only (as in the register): others learn only that the unit adopted. */
    private static List<Adoption> visible(Caller caller, List<Adoption> adoptions) {
        return adoptions.stream().map(a -> !a.draft() || caller.isAdministrator()
                || caller.isEditorIn(a.unitId()) ? a : a.withoutDraft()).toList();
    }

    /**
     * Adopts the model in the unit: a new document in the unit's register under {@code code} (the model's own code
     * when blank), its first draft the model's current text. A unit adopts a model once.
     */
    @Transactional
    public Adoption adopt(long model, UnitId unit, String code) {
        Caller caller = guard.requireEditor(unit);
        Model adopted = models.lock(model).orElseThrow(() -> new DomainException("error.model.notFound"));
        models.adoptionsIn(unit).stream().filter(a -> a.modelId() == model).findFirst().ifPresent(a -> {
            throw new DomainException("error.model.alreadyAdopted", adopted.code(), a.documentCode());
        });
        ModelRevision revision = models.revisions(model).getFirst();
        String documentCode = code == null || code.isBlank() ? adopted.code() : code.strip();
        Document document = register.create(unit, new DocumentData(documentCode, adopted.title(), adopted.type(),
                null, null, adopted.isoClauses(), 12, null, null, null, null, null, Set.of()));
        String summary = "Áp dụng mẫu " + adopted.code() + " lần " + revision.number();
        Revision draft = workflow.startRevision(document.id(), summary);
        workflow.editDraft(draft.id(), draft.version(), revision.text(), summary);
        models.insertAdoption(model, document.id(), revision.number(), caller.user().orElseThrow(
                () -> new DomainException("error.revision.needsUser")), now());
        trail.record("MODEL_ADOPTED", TARGET, model, unit, adopted.code() + " → " + document.code());
        return models.adoptionsIn(unit).stream().filter(a -> a.modelId() == model).findFirst().orElseThrow();
    }

    /** The unit's procedure (its newest revision the caller may see) against the model's current text. */
    @Transactional(readOnly = true)
    public Comparison compare(long adoption) {
        Adoption found = models.adoption(adoption).orElseThrow(() -> new DomainException("error.model.notFound"));
        guard.requireReadAccess(found.unitId());
        Revision newest = workflow.history(found.documentId()).stream()
                .max(Comparator.comparingInt(Revision::number))
                .orElseThrow(() -> new DomainException("error.model.nothingToCompare"));
        ModelRevision model = models.revisions(found.modelId()).getFirst();
        return new Comparison(found, newest.number(), DiffRow.between(model.text(), newest.text()));
    }

    private Model existing(long id) {
        return models.find(id).orElseThrow(() -> new DomainException("error.model.notFound"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
