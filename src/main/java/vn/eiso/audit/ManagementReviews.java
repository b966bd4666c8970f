package vn.eiso.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.organisation.UserService;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Inputs;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.NextStep;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.organisation.UnitService;
import vn.eiso.reporting.PdfReport;
import vn.eiso.base.Texts;

/**
 * Management review (ISO 9001 9.3). The quality officer prepares a meeting with every required input pre-filled
 * from the system's own figures; the meeting records attendees, minutes and its decisions as actions with owners
 * and due dates; the unit head, who chairs it, closes it, after which only the actions move on.
 */
@Service
public class ManagementReviews {

    public static final String TARGET = "MANAGEMENT_REVIEW";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqReviewRepository reviews;
    private final JooqReviewFigures figures;
    private final UnitService units;
    private final UserService users;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    ManagementReviews(JooqReviewRepository reviews, JooqReviewFigures figures, UnitService units, UserService users,
            AccessGuard guard, AuditTrail trail, Clock clock) {
        this.reviews = reviews;
        this.figures = figures;
        this.units = units;
        this.users = users;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ManagementReview> ofUnit(UnitId unit) {
        guard.requireReadAccess(unit);
        return reviews.ofUnit(unit);
    }

    @Transactional(readOnly = true)
    public ManagementReview get(ReviewId id) {
        ManagementReview review = reviews.find(id).orElseThrow(() -> new DomainException("error.review.notFound"));
        guard.requireReadAccess(review.unitId());
        return review;
    }

    /** Whether the caller chairs this unit's reviews (the head) and so may close one. */
    @Transactional(readOnly = true)
    public boolean canClose(UnitId unit) {
        Caller caller = guard.requireReadAccess(unit);
        return caller.isAdministrator() || caller.hasRoleIn(unit, Role.UNIT_HEAD);
    }

    /** The status line: what happens next and who does it. */
    @Transactional(readOnly = true)
    public NextStep nextStep(ReviewId id) {
        ManagementReview review = get(id);
        if (review.status() == ManagementReview.Status.CLOSED) {
            long open = review.actions().stream().filter(a -> a.doneAt() == null).count();
            return NextStep.of("nextStep.review.closed", open);
        }
        return NextStep.of("nextStep.review.open", review.heldOn());
    }

    /** The review's decisions the caller may mark done now: their own, or any for the quality officer or head. */
    @Transactional(readOnly = true)
    public Set<Long> completableActions(ReviewId id) {
        ManagementReview review = get(id);
        Caller caller = guard.caller();
        boolean manager = caller.canEdit(review.unitId());
        return review.actions().stream().filter(a -> a.doneAt() == null)
                .filter(a -> manager || caller.user().map(a.ownerId()::equals).orElse(false))
                .map(ReviewAction::id).collect(java.util.stream.Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UnitId unit) {
        Caller caller = guard.requireReadAccess(unit);
        return caller.canEdit(unit);
    }

    @Transactional
    public ManagementReview prepare(UnitId unit, LocalDate heldOn, String title) {
        guard.requireEditor(unit);
        units.get(unit);
        if (heldOn == null) {
            throw new DomainException("error.review.dateRequired");
        }
        String clean = Inputs.required(title, 500, "error.review.titleRequired");
        ReviewId id = reviews.insert(unit, heldOn, clean, OffsetDateTime.now(clock));
        prefill(id, unit, heldOn);
        trail.record("REVIEW_PREPARED", TARGET, id, unit, clean + " · " + heldOn);
        return get(id);
    }

    /** Counts the figures again, e.g. on the morning of the meeting; only while the review is open. */
    @Transactional
    public ManagementReview refreshFigures(ReviewId id) {
        ManagementReview review = editable(id);
        prefill(id, review.unitId(), review.heldOn());
        trail.record("REVIEW_UPDATED", TARGET, id, review.unitId(), "figures");
        return get(id);
    }

    @Transactional
    public ManagementReview record(ReviewId id, int version, String attendees, String minutes,
            Map<ReviewInputKey, ReviewInput> inputs) {
        ManagementReview review = editable(id);
        if (!reviews.update(id, version, limited(attendees, 4000), limited(minutes, 20000))) {
            throw new ConcurrentEditException();
        }
        inputs.forEach((key, input) -> reviews.updateInput(id, key, limited(input.notes(), 4000), input.covered()));
        trail.record("REVIEW_UPDATED", TARGET, id, review.unitId(), null);
        return get(id);
    }

    /** The head closes the review: every input covered, attendees and minutes written. The record is then frozen. */
    @Transactional
    public ManagementReview close(ReviewId id, int version) {
        reviews.lock(id);
        ManagementReview review = get(id);
        Caller caller = guard.requireRoleIn(review.unitId(), Role.UNIT_HEAD);
        if (review.status() != ManagementReview.Status.OPEN) {
            throw new DomainException("error.review.closed");
        }
        long uncovered = review.inputs().stream().filter(i -> !i.covered()).count();
        if (uncovered > 0) {
            throw new DomainException("error.review.inputsUncovered", uncovered);
        }
        if (review.attendees() == null || review.minutes() == null) {
            throw new DomainException("error.review.minutesRequired");
        }
        if (!reviews.close(id, version, caller.user().orElseThrow(), OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        trail.record("REVIEW_CLOSED", TARGET, id, review.unitId(), review.title());
        return get(id);
    }

    /** An output of the review: a decision or action with its owner (a member of the unit) and due date. */
    @Transactional
    public ManagementReview addAction(ReviewId id, String description, UserId owner, LocalDate dueOn) {
        ManagementReview review = editable(id);
        String clean = Inputs.required(description, 2000, "error.review.actionRequired");
        if (owner == null || dueOn == null) {
            throw new DomainException("error.review.actionIncomplete");
        }
        if (dueOn.isBefore(LocalDate.now(clock))) {
            throw new DomainException("error.review.duePast");
        }
        users.requireMember(review.unitId(), owner);
        long actionId = reviews.insertAction(id, review.unitId(), clean, owner, dueOn);
        trail.record("REVIEW_ACTION_ADDED", TARGET, id, review.unitId(), "action " + actionId + ": " + clean);
        return get(id);
    }

    /** The action's owner, the quality officer or the head marks an action done. */
    @Transactional
    public void completeAction(long actionId, int version) {
        ReviewAction action = reviews.action(actionId).orElseThrow(() -> new DomainException("error.review.notFound"));
        ManagementReview review = get(action.reviewId());
        Caller caller = guard.caller();
        if (!caller.user().map(action.ownerId()::equals).orElse(false)) {
            guard.requireEditor(review.unitId());
        }
        if (!reviews.completeAction(actionId, version, OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        trail.record("REVIEW_ACTION_DONE", TARGET, review.id(), review.unitId(), "action " + actionId);
    }

    @Transactional(readOnly = true)
    public List<ReviewAction> openActions(UnitId unit) {
        guard.requireReadAccess(unit);
        return reviews.openActions(unit);
    }

    /** The minutes as a PDF in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] minutesPdf(ReviewId id, Texts texts) {
        ManagementReview review = get(id);
        PdfReport pdf = new PdfReport(texts.get("review.pdf.title"))
                .field(texts.get("audit.unit"), review.unitName())
                .field(texts.get("review.title"), review.title())
                .field(texts.get("review.heldOn"), DATE.format(review.heldOn()))
                .field(texts.get("review.attendees"), nullToEmpty(review.attendees()))
                .field(texts.get("review.status"), texts.get("reviewStatus." + review.status()))
                .heading(texts.get("review.inputs"));
        for (ReviewInput input : review.inputs()) {
            pdf.field(texts.get("reviewInput." + input.key()), figuresText(input, texts));
            if (input.notes() != null) {
                pdf.paragraph(input.notes());
            }
        }
        pdf.heading(texts.get("review.minutes")).paragraph(nullToEmpty(review.minutes()));
        pdf.heading(texts.get("review.actions"));
        for (ReviewAction action : review.actions()) {
            pdf.field(action.ownerName() + " · " + DATE.format(action.dueOn()), action.description());
        }
        if (review.closedAt() != null) {
            pdf.field(texts.get("review.closedBy"), review.closedByName() + " · "
                    + DATE.format(review.closedAt().atZoneSameInstant(clock.getZone())));
        }
        return pdf.toBytes();
    }

    /** The pre-filled figures of one input as a sentence, or the note that the system holds no data for it. */
    public static String figuresText(ReviewInput input, Texts texts) {
        return input.figures().isEmpty() ? texts.get("review.prefill.none")
                : texts.get("review.prefill." + input.key(), input.figures().toArray());
    }

    private void prefill(ReviewId id, UnitId unit, LocalDate heldOn) {
        // The day after the previous review, so that nothing is counted by two reviews; a first review looks back a
        // year.
        LocalDate from = reviews.previousHeldOn(unit, heldOn, id).map(d -> d.plusDays(1))
                .orElse(heldOn.minusYears(1));
        figures.count(unit, id, from, heldOn, LocalDate.now(clock), clock.getZone())
                .forEach((key, values) -> reviews.putPrefilled(id, key, values));
    }

    private ManagementReview editable(ReviewId id) {
        reviews.lock(id);
        ManagementReview review = get(id);
        guard.requireEditor(review.unitId());
        if (review.status() != ManagementReview.Status.OPEN) {
            throw new DomainException("error.review.closed");
        }
        return review;
    }

    private static String limited(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new DomainException("error.tooLong", max);
        }
        return clean;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
