package vn.eiso.announcement;

import static vn.eiso.db.Tables.QMS_SCOPE_ITEM;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** The TTHC and activities of a scope go where the unit's work goes. */
@Repository
class JooqScopeHoldings extends TableHoldings {

    JooqScopeHoldings(DSLContext dsl) {
        super(dsl, Scopes.TARGET, QMS_SCOPE_ITEM, QMS_SCOPE_ITEM.ID, QMS_SCOPE_ITEM.UNIT_ID, QMS_SCOPE_ITEM.NAME,
                List.of());
    }
}
