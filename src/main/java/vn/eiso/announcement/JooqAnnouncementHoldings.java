package vn.eiso.announcement;

import static vn.eiso.db.Tables.ANNOUNCEMENT;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** Announcements follow the unit; the unit that issued each one stays recorded (issued_unit_id). */
@Repository
class JooqAnnouncementHoldings extends TableHoldings {

    JooqAnnouncementHoldings(DSLContext dsl) {
        super(dsl, Announcements.TARGET, ANNOUNCEMENT, ANNOUNCEMENT.ID, ANNOUNCEMENT.UNIT_ID, ANNOUNCEMENT.NUMBER,
                List.of());
    }
}
