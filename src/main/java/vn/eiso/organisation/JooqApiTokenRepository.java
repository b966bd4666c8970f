package vn.eiso.organisation;

import static vn.eiso.db.Tables.API_TOKEN;

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

    /** The owner of a token, marking it used. */
    Optional<UserId> use(String sha256, OffsetDateTime at) {
        Optional<UserId> owner = dsl.select(API_TOKEN.USER_ID).from(API_TOKEN)
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256)).fetchOptional(r -> new UserId(r.value1()));
        owner.ifPresent(u -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at)
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256)).execute());
        return owner;
    }

    boolean delete(UserId user, long id) {
        return dsl.deleteFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).and(API_TOKEN.USER_ID.eq(user.value()))
                .execute() == 1;
    }
}
