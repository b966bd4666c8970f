package vn.eiso.organisation;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.SIGNATURE_GATE;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;

/** The secrets a signature is checked against, apart from the login's own reads. */
@Repository
class JooqSigningRepository {

    private final DSLContext dsl;

    JooqSigningRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The password's hash and the signing PIN's hash (null until the user sets one). */
    record Secrets(String passwordHash, String pinHash) {
    }

    /**
     * Locks the user's signature gate until the transaction ends, so that two signatures tried at once are counted
     * one after the other and never both slip under the limit.
     */
    void lockGate(UserId user) {
        dsl.insertInto(SIGNATURE_GATE).set(SIGNATURE_GATE.USER_ID, user.value()).onConflictDoNothing().execute();
        dsl.select(SIGNATURE_GATE.USER_ID).from(SIGNATURE_GATE).where(SIGNATURE_GATE.USER_ID.eq(user.value()))
                .forUpdate().fetch();
    }

    Optional<Secrets> secrets(UserId user) {
        return dsl.select(APP_USER.PASSWORD_HASH, APP_USER.SIGNING_PIN_HASH).from(APP_USER)
                .where(APP_USER.ID.eq(user.value()))
                .fetchOptional(r -> new Secrets(r.value1(), r.value2()));
    }

    boolean hasPin(UserId user) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(user.value()).and(APP_USER.SIGNING_PIN_HASH.isNotNull()));
    }

    void updatePin(UserId user, String pinHash) {
        dsl.update(APP_USER).set(APP_USER.SIGNING_PIN_HASH, pinHash).where(APP_USER.ID.eq(user.value())).execute();
    }
}
