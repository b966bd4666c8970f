package vn.eiso.organisation;

import static vn.eiso.db.Tables.API_TOKEN;
import static vn.eiso.db.Tables.APP_USER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;

@Repository
class JooqApiTokenRepository {

    private final DSLContext dsl;

    JooqApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(UserId user, String label, String sha256, OffsetDateTime at) {
        return dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, user.value())
                .set(API_TOKEN.LABEL, label)
                .set(API_TOKEN.TOKEN_SHA256, sha256)
                .set(API_TOKEN.CREATED_AT, at)
                .returning(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
    }

    List<ApiToken> ofUser(UserId user) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(user.value())).orderBy(API_TOKEN.ID)
                .fetch(r -> new ApiToken(r.getId(), r.getLabel(), r.getCreatedAt(), r.getLastUsedAt()));
    }

    int countOfUser(UserId user) {
        return dsl.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(user.value()));
    }

    /** The user name of a token's owner, marking the token used. */
    Optional<String> use(String sha256, OffsetDateTime at) {
        Optional<String> owner = dsl.select(APP_USER.USERNAME).from(API_TOKEN).join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.USER_ID)).where(API_TOKEN.TOKEN_SHA256.eq(sha256))
                .fetchOptional(APP_USER.USERNAME);
        owner.ifPresent(u -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at)
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256)).execute());
        return owner;
    }

    void revokeAllOf(UserId user) {
        dsl.deleteFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(user.value())).execute();
    }

    boolean delete(UserId user, long id) {
        return dsl.deleteFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).and(API_TOKEN.USER_ID.eq(user.value()))
                .execute() == 1;
    }
}
