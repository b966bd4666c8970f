package vn.eiso.audit;

import static vn.eiso.db.Tables.AUDIT;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** An audit moves with its team, scope, checklist and evidence (those hang off the audit). */
@Repository
class JooqAuditHoldings extends TableHoldings {

    JooqAuditHoldings(DSLContext dsl) {
        super(dsl, Audits.TARGET, AUDIT, AUDIT.ID, AUDIT.UNIT_ID, AUDIT.TITLE, List.of());
    }
}
