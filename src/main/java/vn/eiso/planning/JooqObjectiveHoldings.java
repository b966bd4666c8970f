package vn.eiso.planning;

import static vn.eiso.db.Tables.QUALITY_OBJECTIVE;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** A quality objective moves with its measurements. */
@Repository
class JooqObjectiveHoldings extends TableHoldings {

    JooqObjectiveHoldings(DSLContext dsl) {
        super(dsl, Objectives.TARGET, QUALITY_OBJECTIVE, QUALITY_OBJECTIVE.ID, QUALITY_OBJECTIVE.UNIT_ID,
                QUALITY_OBJECTIVE.TITLE, List.of());
    }
}
