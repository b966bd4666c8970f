package vn.eiso.organisation;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.MEMBERSHIP;
import static vn.eiso.db.Tables.UNIT;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.db.tables.records.AppUserRecord;

@Repository
class JooqUserRepository {

    private final DSLContext dsl;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the login check needs of an account. */
    record Login(UserId id, String username, String fullName, String passwordHash, boolean enabled,
            boolean mustChangePassword, String locale) {
    }

    /** Credentials for the login check, by exact (lower-case) user name. */
    Optional<Login> findLogin(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(r -> new Login(
                new UserId(r.getId()), r.getUsername(), r.getFullName(), r.getPasswordHash(), r.getEnabled(),
                r.getMustChangePassword(), r.getLocale()));
    }

    Optional<UserAccount> findById(UserId id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOptional(JooqUserRepository::toAccount);
    }

    List<UserAccount> find(String text) {
        Condition condition = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String needle = text.strip().toLowerCase();
            condition = DSL.lower(APP_USER.USERNAME).contains(needle)
                    .or(DSL.lower(APP_USER.FULL_NAME).contains(needle));
        }
        return dsl.selectFrom(APP_USER).where(condition).orderBy(APP_USER.USERNAME).fetch(JooqUserRepository::toAccount);
    }

    String usernameOf(UserId id) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOne(APP_USER.USERNAME);
    }

    boolean usernameTaken(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    int count() {
        return dsl.fetchCount(APP_USER);
    }

    UserId insert(String username, String fullName, String email, String passwordHash, OffsetDateTime now) {
        return new UserId(dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.CREATED_AT, now)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID));
    }

    boolean update(UserId id, int version, String fullName, String email, boolean enabled) {
        return dsl.update(APP_USER)
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.ENABLED, enabled)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id.value()).and(APP_USER.VERSION.eq(version)))
                .execute() == 1;
    }

    /** A new password; {@code mustChange} when an administrator set it, so that the user replaces it. */
    void updatePassword(UserId id, String passwordHash, boolean mustChange) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id.value()))
                .execute();
    }

    int sessionGeneration(UserId id) {
        return dsl.select(APP_USER.SESSION_GENERATION).from(APP_USER).where(APP_USER.ID.eq(id.value()))
                .fetchOne(APP_USER.SESSION_GENERATION);
    }

    /** Ends the account's open sessions at their next request (ADR 0020). */
    void endSessions(UserId id) {
        dsl.update(APP_USER).set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(id.value())).execute();
    }

    void endSessionsOfMembersOf(UnitId unit) {
        endSessionsOfMembers(MEMBERSHIP.UNIT_ID.eq(unit.value()));
    }

    /** Ends the open sessions of everyone holding one of the memberships chosen, before those memberships change. */
    void endSessionsOfMembers(Condition memberships) {
        dsl.update(APP_USER).set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.in(DSL.select(MEMBERSHIP.USER_ID).from(MEMBERSHIP).where(memberships)))
                .execute();
    }

    void updateLocale(UserId id, String locale) {
        dsl.update(APP_USER).set(APP_USER.LOCALE, locale).where(APP_USER.ID.eq(id.value())).execute();
    }

    void updateLastUnit(UserId id, UnitId unit) {
        dsl.update(APP_USER).set(APP_USER.LAST_UNIT_ID, unit.value()).where(APP_USER.ID.eq(id.value())).execute();
    }

    Optional<UnitId> lastUnit(UserId id) {
        return dsl.select(APP_USER.LAST_UNIT_ID).from(APP_USER).where(APP_USER.ID.eq(id.value()))
                .fetchOptional(r -> UnitId.of(r.value1()));
    }

    List<Membership> memberships(Condition condition) {
        return dsl.select(MEMBERSHIP.ID, MEMBERSHIP.USER_ID, APP_USER.USERNAME, APP_USER.FULL_NAME,
                        MEMBERSHIP.UNIT_ID, UNIT.CODE, UNIT.NAME, MEMBERSHIP.ROLE, UNIT.STATUS, APP_USER.ENABLED)
                .from(MEMBERSHIP)
                .join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .join(UNIT).on(UNIT.ID.eq(MEMBERSHIP.UNIT_ID))
                .where(condition)
                .orderBy(UNIT.CODE, MEMBERSHIP.ROLE, APP_USER.USERNAME)
                .fetch(JooqUserRepository::toMembership);
    }

    List<Membership> membershipsOfUser(UserId user) {
        return memberships(MEMBERSHIP.USER_ID.eq(user.value()));
    }

    /** The grants that count for access: memberships of an enabled user in an active unit. */
    List<Membership> activeMembershipsOfUser(UserId user) {
        return memberships(MEMBERSHIP.USER_ID.eq(user.value())
                .and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()))
                .and(APP_USER.ENABLED.isTrue()));
    }

    /** Enabled holders of the role in active units, each once. */
    Set<UserId> activeHoldersOf(Role role) {
        return memberships(MEMBERSHIP.ROLE.eq(role.name()).and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()))
                .and(APP_USER.ENABLED.isTrue())).stream().map(Membership::userId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Set<UserId> activeHoldersIn(UnitId unit, List<Role> roles) {
        return memberships(MEMBERSHIP.UNIT_ID.eq(unit.value())
                .and(MEMBERSHIP.ROLE.in(roles.stream().map(Role::name).toList()))
                .and(APP_USER.ENABLED.isTrue())).stream().map(Membership::userId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    List<Membership> membershipsOfUnit(UnitId unit) {
        return memberships(MEMBERSHIP.UNIT_ID.eq(unit.value()));
    }

    Optional<Membership> membership(long id) {
        return memberships(MEMBERSHIP.ID.eq(id)).stream().findFirst();
    }

    boolean membershipExists(UserId user, UnitId unit, Role role) {
        return dsl.fetchExists(MEMBERSHIP, MEMBERSHIP.USER_ID.eq(user.value())
                .and(MEMBERSHIP.UNIT_ID.eq(unit.value())).and(MEMBERSHIP.ROLE.eq(role.name())));
    }

    long insertMembership(UserId user, UnitId unit, Role role, OffsetDateTime now) {
        return dsl.insertInto(MEMBERSHIP)
                .set(MEMBERSHIP.USER_ID, user.value())
                .set(MEMBERSHIP.UNIT_ID, unit.value())
                .set(MEMBERSHIP.ROLE, role.name())
                .set(MEMBERSHIP.CREATED_AT, now)
                .returning(MEMBERSHIP.ID)
                .fetchOne(MEMBERSHIP.ID);
    }

    void deleteMembership(long id) {
        dsl.deleteFrom(MEMBERSHIP).where(MEMBERSHIP.ID.eq(id)).execute();
    }

    private static UserAccount toAccount(AppUserRecord r) {
        return new UserAccount(new UserId(r.getId()), r.getUsername(), r.getFullName(), r.getEmail(),
                r.getEnabled(), r.getLocale(), r.getMustChangePassword(), r.getVersion());
    }

    private static Membership toMembership(Record r) {
        return new Membership(r.get(MEMBERSHIP.ID), new UserId(r.get(MEMBERSHIP.USER_ID)), r.get(APP_USER.USERNAME),
                r.get(APP_USER.FULL_NAME), new UnitId(r.get(MEMBERSHIP.UNIT_ID)), r.get(UNIT.CODE),
                r.get(UNIT.NAME), Role.valueOf(r.get(MEMBERSHIP.ROLE)));
    }
}
