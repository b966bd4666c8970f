package vn.eiso.audit;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.REVIEW_ACTION;
import static vn.eiso.db.Tables.REVIEW_INPUT;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

@Repository
class JooqReviewRepository {

    private final DSLContext dsl;

    JooqReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ReviewId insert(UnitId unit, LocalDate heldOn, String title, OffsetDateTime now) {
        return new ReviewId(dsl.insertInto(MANAGEMENT_REVIEW)
                .set(MANAGEMENT_REVIEW.UNIT_ID, unit.value())
                .set(MANAGEMENT_REVIEW.HELD_ON, heldOn)
                .set(MANAGEMENT_REVIEW.TITLE, title)
                .set(MANAGEMENT_REVIEW.STATUS, ManagementReview.Status.OPEN.name())
                .set(MANAGEMENT_REVIEW.CREATED_AT, now)
                .returning(MANAGEMENT_REVIEW.ID).fetchOne(MANAGEMENT_REVIEW.ID));
    }

    void putPrefilled(ReviewId id, ReviewInputKey key, List<Long> figures) {
        String value = String.join(";", figures.stream().map(String::valueOf).toList());
        int updated = dsl.update(REVIEW_INPUT).set(REVIEW_INPUT.PREFILLED, value)
                .where(REVIEW_INPUT.REVIEW_ID.eq(id.value()).and(REVIEW_INPUT.INPUT_KEY.eq(key.name()))).execute();
        if (updated == 0) {
            dsl.insertInto(REVIEW_INPUT).set(REVIEW_INPUT.REVIEW_ID, id.value())
                    .set(REVIEW_INPUT.INPUT_KEY, key.name()).set(REVIEW_INPUT.PREFILLED, value).execute();
        }
    }

    boolean update(ReviewId id, int version, String attendees, String minutes) {
        return dsl.update(MANAGEMENT_REVIEW)
                .set(MANAGEMENT_REVIEW.ATTENDEES, attendees)
                .set(MANAGEMENT_REVIEW.MINUTES, minutes)
                .set(MANAGEMENT_REVIEW.VERSION, MANAGEMENT_REVIEW.VERSION.plus(1))
                .where(MANAGEMENT_REVIEW.ID.eq(id.value()).and(MANAGEMENT_REVIEW.VERSION.eq(version))
                        .and(MANAGEMENT_REVIEW.STATUS.eq(ManagementReview.Status.OPEN.name())))
                .execute() == 1;
    }

    void updateInput(ReviewId id, ReviewInputKey key, String notes, boolean covered) {
        dsl.update(REVIEW_INPUT).set(REVIEW_INPUT.NOTES, notes).set(REVIEW_INPUT.COVERED, covered)
                .where(REVIEW_INPUT.REVIEW_ID.eq(id.value()).and(REVIEW_INPUT.INPUT_KEY.eq(key.name()))).execute();
    }

    boolean close(ReviewId id, int version, UserId by, OffsetDateTime now) {
        return dsl.update(MANAGEMENT_REVIEW)
                .set(MANAGEMENT_REVIEW.STATUS, ManagementReview.Status.CLOSED.name())
                .set(MANAGEMENT_REVIEW.CLOSED_BY, by.value())
                .set(MANAGEMENT_REVIEW.CLOSED_AT, now)
                .set(MANAGEMENT_REVIEW.VERSION, MANAGEMENT_REVIEW.VERSION.plus(1))
                .where(MANAGEMENT_REVIEW.ID.eq(id.value()).and(MANAGEMENT_REVIEW.VERSION.eq(version))
                        .and(MANAGEMENT_REVIEW.STATUS.eq(ManagementReview.Status.OPEN.name())))
                .execute() == 1;
    }

    /** Locks the review's row until the transaction ends, so that closing it and editing it take turns. */
    void lock(ReviewId id) {
        dsl.select(MANAGEMENT_REVIEW.ID).from(MANAGEMENT_REVIEW).where(MANAGEMENT_REVIEW.ID.eq(id.value()))
                .forUpdate().fetch();
    }

    /** Every review's id, in order: what a rebuild of the search index walks. */
    List<ReviewId> ids() {
        return dsl.select(MANAGEMENT_REVIEW.ID).from(MANAGEMENT_REVIEW).orderBy(MANAGEMENT_REVIEW.ID)
                .fetch(r -> new ReviewId(r.value1()));
    }

    Optional<ManagementReview> find(ReviewId id) {
        var closer = APP_USER.as("closer");
        return dsl.select(MANAGEMENT_REVIEW.asterisk(), UNIT.NAME, closer.FULL_NAME)
                .from(MANAGEMENT_REVIEW)
                .join(UNIT).on(UNIT.ID.eq(MANAGEMENT_REVIEW.UNIT_ID))
                .leftJoin(closer).on(closer.ID.eq(MANAGEMENT_REVIEW.CLOSED_BY))
                .where(MANAGEMENT_REVIEW.ID.eq(id.value()))
                .fetchOptional(r -> new ManagementReview(id, new UnitId(r.get(MANAGEMENT_REVIEW.UNIT_ID)),
                        r.get(UNIT.NAME), r.get(MANAGEMENT_REVIEW.HELD_ON), r.get(MANAGEMENT_REVIEW.TITLE),
                        r.get(MANAGEMENT_REVIEW.ATTENDEES), r.get(MANAGEMENT_REVIEW.MINUTES),
                        ManagementReview.Status.valueOf(r.get(MANAGEMENT_REVIEW.STATUS)), r.get(closer.FULL_NAME),
                        r.get(MANAGEMENT_REVIEW.CLOSED_AT), inputs(id), actions(REVIEW_ACTION.REVIEW_ID.eq(id.value())),
                        r.get(MANAGEMENT_REVIEW.VERSION)));
    }

    private List<ReviewInput> inputs(ReviewId id) {
        return dsl.selectFrom(REVIEW_INPUT).where(REVIEW_INPUT.REVIEW_ID.eq(id.value()))
                .fetch(r -> new ReviewInput(ReviewInputKey.valueOf(r.getInputKey()), figures(r.getPrefilled()),
                        r.getNotes(), r.getCovered()))
                .stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    private static List<Long> figures(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.stream(stored.split(";")).map(Long::valueOf).toList();
    }

    /** The unit's reviews, newest first: id, date, title, status. */
    List<ManagementReview> ofUnit(UnitId unit) {
        return dsl.select(MANAGEMENT_REVIEW.asterisk(), UNIT.NAME).from(MANAGEMENT_REVIEW)
                .join(UNIT).on(UNIT.ID.eq(MANAGEMENT_REVIEW.UNIT_ID))
                .where(MANAGEMENT_REVIEW.UNIT_ID.eq(unit.value()))
                .orderBy(MANAGEMENT_REVIEW.HELD_ON.desc(), MANAGEMENT_REVIEW.ID.desc())
                .fetch(r -> new ManagementReview(new ReviewId(r.get(MANAGEMENT_REVIEW.ID)), unit, r.get(UNIT.NAME),
                        r.get(MANAGEMENT_REVIEW.HELD_ON), r.get(MANAGEMENT_REVIEW.TITLE),
                        r.get(MANAGEMENT_REVIEW.ATTENDEES), null,
                        ManagementReview.Status.valueOf(r.get(MANAGEMENT_REVIEW.STATUS)), null,
                        r.get(MANAGEMENT_REVIEW.CLOSED_AT), List.of(), List.of(), r.get(MANAGEMENT_REVIEW.VERSION)));
    }

    /** The date of the unit's latest review held before this day, if any. */
    Optional<LocalDate> previousHeldOn(UnitId unit, LocalDate before, ReviewId except) {
        return dsl.select(DSL.max(MANAGEMENT_REVIEW.HELD_ON)).from(MANAGEMENT_REVIEW)
                .where(MANAGEMENT_REVIEW.UNIT_ID.eq(unit.value()).and(MANAGEMENT_REVIEW.HELD_ON.lt(before))
                        .and(MANAGEMENT_REVIEW.ID.ne(except.value())))
                .fetchOptional(0, LocalDate.class);
    }

    long insertAction(ReviewId review, UnitId unit, String description, UserId owner, LocalDate dueOn) {
        return dsl.insertInto(REVIEW_ACTION)
                .set(REVIEW_ACTION.REVIEW_ID, review.value())
                .set(REVIEW_ACTION.UNIT_ID, unit.value())
                .set(REVIEW_ACTION.DESCRIPTION, description)
                .set(REVIEW_ACTION.OWNER_ID, owner.value())
                .set(REVIEW_ACTION.DUE_ON, dueOn)
                .returning(REVIEW_ACTION.ID).fetchOne(REVIEW_ACTION.ID);
    }

    Optional<ReviewAction> action(long id) {
        return actions(REVIEW_ACTION.ID.eq(id)).stream().findFirst();
    }

    boolean completeAction(long id, int version, OffsetDateTime now) {
        return dsl.update(REVIEW_ACTION).set(REVIEW_ACTION.DONE_AT, now)
                .set(REVIEW_ACTION.VERSION, REVIEW_ACTION.VERSION.plus(1))
                .where(REVIEW_ACTION.ID.eq(id).and(REVIEW_ACTION.VERSION.eq(version))
                        .and(REVIEW_ACTION.DONE_AT.isNull()))
                .execute() == 1;
    }

    /** Actions of the unit's reviews not done yet, by due date. */
    List<ReviewAction> openActions(UnitId unit) {
        return actions(REVIEW_ACTION.UNIT_ID.eq(unit.value()).and(REVIEW_ACTION.DONE_AT.isNull()));
    }

    private List<ReviewAction> actions(Condition condition) {
        return dsl.select(REVIEW_ACTION.asterisk(), APP_USER.FULL_NAME).from(REVIEW_ACTION)
                .join(APP_USER).on(APP_USER.ID.eq(REVIEW_ACTION.OWNER_ID))
                .where(condition)
                .orderBy(REVIEW_ACTION.DUE_ON, REVIEW_ACTION.ID)
                .fetch(r -> new ReviewAction(r.get(REVIEW_ACTION.ID), new ReviewId(r.get(REVIEW_ACTION.REVIEW_ID)),
                        r.get(REVIEW_ACTION.DESCRIPTION), new UserId(r.get(REVIEW_ACTION.OWNER_ID)),
                        r.get(APP_USER.FULL_NAME), r.get(REVIEW_ACTION.DUE_ON), r.get(REVIEW_ACTION.DONE_AT),
                        r.get(REVIEW_ACTION.VERSION)));
    }
}
