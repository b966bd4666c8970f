package vn.eiso.planning;

import static vn.eiso.db.Tables.RISK;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

@Repository
class JooqRiskHoldings extends TableHoldings {

    JooqRiskHoldings(DSLContext dsl) {
        super(dsl, Risks.TARGET, RISK, RISK.ID, RISK.UNIT_ID, RISK.TITLE, List.of());
    }
}
