package vn.eiso.organisation;

import static vn.eiso.db.Tables.APP_USER;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqSsoAccountRepository {

    private final DSLContext dsl;

    JooqSsoAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The user names of the accounts with this e-mail address (not unique in eISO: the caller wants exactly one). */
    List<String> usernamesByEmail(String email) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER)
                .where(DSL.lower(APP_USER.EMAIL).eq(email.strip().toLowerCase()))
                .limit(2)
                .fetch(APP_USER.USERNAME);
    }
}
