package vn.eiso.nonconformity;

import static vn.eiso.db.Tables.CORRECTIVE_ACTION;
import static vn.eiso.db.Tables.NONCONFORMITY;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** A nonconformity moves with its history, files and corrective actions. */
@Repository
class JooqNonconformityHoldings extends TableHoldings {

    JooqNonconformityHoldings(DSLContext dsl) {
        super(dsl, Nonconformities.TARGET, NONCONFORMITY, NONCONFORMITY.ID, NONCONFORMITY.UNIT_ID,
                DSL.concat(DSL.inline("NC-"), NONCONFORMITY.ID.cast(String.class), DSL.inline(" · "),
                        DSL.substring(NONCONFORMITY.DESCRIPTION, 1, 120)),
                List.of(new Child(CORRECTIVE_ACTION, CORRECTIVE_ACTION.ID, CORRECTIVE_ACTION.NC_ID,
                        CORRECTIVE_ACTION.UNIT_ID, null)));
    }
}
