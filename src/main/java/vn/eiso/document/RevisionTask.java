package vn.eiso.document;

import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;

/**
 * A revision waiting for someone to act on it: to be reviewed by an editor other than its author, to be approved by
 * the unit head once reviewed, or to be reworked by its author after it was returned ({@code comment} then holds the
 * reason). Derived from the revision's status and sign-offs, so it disappears as soon as the step is taken.
 */
public record RevisionTask(Step step, RevisionId revisionId, DocumentId documentId, UnitId unitId, String code,
        String title, int number, OffsetDateTime since, String comment) {

    public enum Step {
        REVIEW,
        APPROVE,
        RETURNED
    }
}
