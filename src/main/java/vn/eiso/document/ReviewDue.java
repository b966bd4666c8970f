package vn.eiso.document;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;

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

    /**
     * The same rule as a condition on a document row, for the repositories that count or list such documents
     * (given the row's status, review date and flag columns).
     */
    public static Condition overdue(Field<String> status, Field<LocalDate> nextReviewOn, Field<String> flag,
            LocalDate today) {
        return status.eq(DocumentStatus.EFFECTIVE.name()).and(nextReviewOn.lt(today).or(flag.isNotNull()));
    }
}
