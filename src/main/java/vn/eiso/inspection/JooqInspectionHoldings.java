package vn.eiso.inspection;

import static vn.eiso.db.Tables.INSPECTION;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** An inspection moves with its unit; its findings hang off it. */
@Repository
class JooqInspectionHoldings extends TableHoldings {

    JooqInspectionHoldings(DSLContext dsl) {
        super(dsl, Inspections.TARGET, INSPECTION, INSPECTION.ID, INSPECTION.UNIT_ID, INSPECTION.PURPOSE, List.of());
    }
}
