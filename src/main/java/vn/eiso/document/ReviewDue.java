package vn.eiso.document;

import static vn.eiso.db.Tables.DOCUMENT;

import java.time.LocalDate;
import org.jooq.Condition;

/**
 * When a document is overdue for its periodic review: it is in force and either its review date has passed (the
 * review is due on that day, overdue from the next local midnight) or something it relies on changed and flagged
 * it. The one definition the register, the reminders, the work lists, the console and the review figures share.
 */
public final class ReviewDue {

    private ReviewDue() {
    }

    public static boolean isOverdue(DocumentStatus status, LocalDate nextReviewOn, String flag, LocalDate today) {
        return status == DocumentStatus.EFFECTIVE && (flag != null || nextReviewOn != null && nextReviewOn.isBefore(today));
    }

    /** The same rule as a condition on the document table, for the queries that count or list such documents. */
    public static Condition overdue(LocalDate today) {
        return DOCUMENT.STATUS.eq(DocumentStatus.EFFECTIVE.name())
                .and(DOCUMENT.NEXT_REVIEW_ON.lt(today).or(DOCUMENT.REVIEW_FLAG.isNotNull()));
    }
}
