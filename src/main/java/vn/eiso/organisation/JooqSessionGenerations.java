package vn.eiso.organisation;

import static vn.eiso.db.Tables.APP_USER;

import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SessionGenerations;

/** The session generation of enabled accounts, read by primary key on every screen request (ADR 0020). */
@Repository
class JooqSessionGenerations implements SessionGenerations {

    private final DSLContext dsl;

    JooqSessionGenerations(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public OptionalInt currentOf(UserId user) {
        return dsl.select(APP_USER.SESSION_GENERATION).from(APP_USER)
                .where(APP_USER.ID.eq(user.value()).and(APP_USER.ENABLED.isTrue()))
                .fetchOptional(APP_USER.SESSION_GENERATION)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
