package vn.eiso.organisation;

import static vn.eiso.db.Tables.API_TOKEN;
import static vn.eiso.db.Tables.APP_USER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;
import vn.eiso.db.tables.records.ApiTokenRecord;

@Repository
class JooqApiTokenRepository {

    private final DSLContext dsl;

    JooqApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An unexpired token found by its hash, with what a request needs of it. */
    record Holder(long id, String label, String username, ApiToken.Scope scope) {
    }

    long insert(UserId user, String label, String sha256, ApiToken.Scope scope, OffsetDateTime at,
            OffsetDateTime expiresAt) {
        return dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, user.value())
                .set(API_TOKEN.LABEL, label)
                .set(API_TOKEN.TOKEN_SHA256, sha256)
                .set(API_TOKEN.SCOPE, scope.name())
                .set(API_TOKEN.CREATED_AT, at)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returning(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
    }

    List<ApiToken> ofUser(UserId user) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(user.value())).orderBy(API_TOKEN.ID)
                .fetch(JooqApiTokenRepository::toToken);
    }

    Optional<ApiToken> find(UserId user, long id) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).and(API_TOKEN.USER_ID.eq(user.value()))
                .fetchOptional(JooqApiTokenRepository::toToken);
    }

    /** The tokens that still work: expired ones stay listed until removed, but do not count against the cap. */
    int countUsableOfUser(UserId user, OffsetDateTime now) {
        return dsl.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(user.value()).and(API_TOKEN.EXPIRES_AT.gt(now)));
    }

    Optional<Holder> findUsable(String sha256, OffsetDateTime now) {
        return dsl.select(API_TOKEN.ID, API_TOKEN.LABEL, APP_USER.USERNAME, API_TOKEN.SCOPE).from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256)).and(API_TOKEN.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new Holder(r.value1(), r.value2(), r.value3(), ApiToken.Scope.valueOf(r.value4())));
    }

    /** Marks the token used; true for its first use of the day. */
    boolean markUsed(long id, OffsetDateTime now, OffsetDateTime startOfDay) {
        return DailyUse.first(dsl, API_TOKEN, API_TOKEN.ID, API_TOKEN.LAST_USED_AT, id, now, startOfDay);
    }

    boolean delete(UserId user, long id) {
        return dsl.deleteFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).and(API_TOKEN.USER_ID.eq(user.value()))
                .execute() == 1;
    }

    /** Removes every token of the user; how many there were. */
    int revokeAllOf(UserId user) {
        return dsl.deleteFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(user.value())).execute();
    }

    /** Marks the user's HTTP Basic use of the API; true for the first of the day. */
    boolean markBasicUsed(UserId user, OffsetDateTime now, OffsetDateTime startOfDay) {
        return DailyUse.first(dsl, APP_USER, APP_USER.ID, APP_USER.BASIC_API_USED_AT, user.value(), now, startOfDay);
    }

    private static ApiToken toToken(ApiTokenRecord r) {
        return new ApiToken(r.getId(), r.getLabel(), ApiToken.Scope.valueOf(r.getScope()), r.getCreatedAt(),
                r.getExpiresAt(), r.getLastUsedAt());
    }
}
