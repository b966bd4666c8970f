package vn.eiso.audit;

import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.REVIEW_ACTION;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** A management review moves with its inputs and its actions. */
@Repository
class JooqReviewHoldings extends TableHoldings {

    JooqReviewHoldings(DSLContext dsl) {
        super(dsl, ManagementReviews.TARGET, MANAGEMENT_REVIEW, MANAGEMENT_REVIEW.ID, MANAGEMENT_REVIEW.UNIT_ID,
                MANAGEMENT_REVIEW.TITLE, List.of(new Child(REVIEW_ACTION, REVIEW_ACTION.ID, REVIEW_ACTION.REVIEW_ID,
                        REVIEW_ACTION.UNIT_ID, null)));
    }
}
