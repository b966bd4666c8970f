package vn.eiso.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.UserPreferences;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/** User accounts and their memberships (user × unit × role). */
@Service
public class UserService implements UserPreferences {

    static final String TARGET = "USER";
    public static final Set<String> LOCALES = Set.of("vi", "en");

    private final JooqUserRepository users;
    private final JooqUnitRepository units;
    private final JooqApiTokenRepository tokens;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SignatureGate signatures;

    UserService(JooqUserRepository users, JooqUnitRepository units, JooqApiTokenRepository tokens, AccessGuard guard,
            AuditTrail trail, PasswordEncoder passwordEncoder, Clock clock, SignatureGate signatures) {
        this.users = users;
        this.units = units;
        this.tokens = tokens;
        this.guard = guard;
        this.trail = trail;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.signatures = signatures;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> find(String text) {
        guard.requireAdministrator();
        return users.find(text);
    }

    @Transactional(readOnly = true)
    public UserAccount get(UserId id) {
        guard.requireAdministrator();
        return existing(id);
    }

    @Transactional
    public UserAccount create(NewUser input) {
        guard.requireAdministrator();
        String username = Validation.username(input.username());
        String fullName = Validation.name(input.fullName());
        String email = Validation.email(input.email());
        String password = PasswordPolicy.check(input.password(), username);
        if (users.usernameTaken(username)) {
            throw new DomainException("error.user.usernameTaken", username);
        }
        UserId id;
        try {
            id = users.insert(username, fullName, email, passwordEncoder.encode(password), now());
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.user.usernameTaken", username);
        }
        trail.record("USER_CREATED", TARGET, id, null, username + " · " + fullName);
        return existing(id);
    }

    @Transactional
    public UserAccount update(UserId id, int version, String fullName, String email, boolean enabled) {
        Caller caller = guard.requireAdministrator();
        String name = Validation.name(fullName);
        String mail = Validation.email(email);
        UserAccount before = existing(id);
        if (!enabled && caller.user().filter(id::equals).isPresent()) {
            throw new DomainException("error.user.cannotDisableSelf");
        }
        if (!users.update(id, version, name, mail, enabled)) {
            throw new ConcurrentEditException();
        }
        if (before.enabled() && !enabled) {
            endAccess(id);
        }
        trail.record(before.enabled() == enabled ? "USER_UPDATED" : enabled ? "USER_ENABLED" : "USER_DISABLED",
                TARGET, id, null, before.username());
        return existing(id);
    }

    @Transactional
    public void resetPassword(UserId id, String newPassword) {
        guard.requireAdministrator();
        UserAccount user = existing(id);
        users.updatePassword(id, passwordEncoder.encode(PasswordPolicy.check(newPassword, user.username())), true);
        endAccess(id);
        trail.record("USER_PASSWORD_RESET", TARGET, id, null, user.username());
    }

    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(UserId id) {
        guard.requireAdministrator();
        return users.membershipsOfUser(id);
    }

    /** The members of a unit: for its head and quality officer, the science department and administrators. */
    @Transactional(readOnly = true)
    public List<Membership> membersOf(UnitId unit) {
        Caller caller = guard.caller();
        if (!caller.isProvinceWide()
                && !caller.isEditorIn(unit)) {
            throw new AccessDeniedException("no access to members of " + unit);
        }
        return users.membershipsOfUnit(unit);
    }

    /** Who holds the role anywhere (the science department's staff): the recipients of a province-wide notice. */
    @Transactional(readOnly = true)
    public Set<UserId> holdersOf(Role role) {
        guard.caller();
        return users.activeHoldersOf(role);
    }

    /**
     * Who holds one of the roles in the unit with an enabled account: the recipients of a notice about the unit's
     * work (a revision to review, a problem to triage). Anyone signed in may ask, since the one who acts is often
     * not allowed to list the unit's members; only ids come back.
     */
    @Transactional(readOnly = true)
    public Set<UserId> holdersIn(UnitId unit, Role... roles) {
        guard.caller();
        return users.activeHoldersIn(unit, List.of(roles));
    }

    /** Each member of the unit once (with their first role): the people an owner or assignee is chosen from. */
    @Transactional(readOnly = true)
    public List<Membership> peopleOf(UnitId unit) {
        Set<UserId> seen = new HashSet<>();
        return membersOf(unit).stream().filter(m -> seen.add(m.userId())).toList();
    }

    /**
     * Refuses someone who is not a member of the unit as the owner, assignee or reviewer of its work: from
     * elsewhere they could not even open it.
     */
    @Transactional(readOnly = true)
    public void requireMember(UnitId unit, UserId user) {
        if (peopleOf(unit).stream().noneMatch(m -> m.userId().equals(user))) {
            throw new DomainException("error.owner.notMember");
        }
    }

    @Transactional
    public Membership grant(UserId user, UnitId unitId, Role role) {
        guard.requireAdministrator();
        UserAccount account = existing(user);
        if (role == null) {
            throw new DomainException("error.membership.roleRequired");
        }
        Unit unit = units.findById(unitId).orElseThrow(() -> new DomainException("error.unit.notFound"));
        if (!unit.isActive()) {
            throw new DomainException("error.membership.unitArchived", unit.code());
        }
        if (role == Role.OVERSIGHT && unit.type() != UnitType.SCIENCE_DEPARTMENT) {
            throw new DomainException("error.membership.oversightOnlyInScienceDepartment");
        }
        if (users.membershipExists(user, unitId, role)) {
            throw new DomainException("error.membership.exists");
        }
        long id;
        try {
            id = users.insertMembership(user, unitId, role, now());
        } catch (DuplicateKeyException e) {
            throw new DomainException("error.membership.exists");
        }
        trail.record("MEMBERSHIP_GRANTED", TARGET, user, unitId, account.username() + " · " + role + " · " + unit.code());
        return users.membership(id).orElseThrow();
    }

    @Transactional
    public void revoke(long membershipId) {
        Caller caller = guard.requireAdministrator();
        Membership m = users.membership(membershipId)
                .orElseThrow(() -> new DomainException("error.membership.notFound"));
        if (m.role() == Role.ADMINISTRATOR && caller.user().filter(m.userId()::equals).isPresent()
                && caller.grants().stream().filter(g -> g.role() == Role.ADMINISTRATOR).count() == 1) {
            // The last administrator grant of the caller: removing it would lock them out of this screen.
            throw new DomainException("error.membership.lastOwnAdmin");
        }
        users.deleteMembership(membershipId);
        users.endSessions(m.userId());
        trail.record("MEMBERSHIP_REVOKED", TARGET, m.userId(), m.unitId(),
                m.username() + " · " + m.role() + " · " + m.unitCode());
    }

    /** The caller's own language, kept for the next login. */
    @Override
    @Transactional
    public void changeOwnLocale(String locale) {
        Caller caller = guard.caller();
        if (!LOCALES.contains(locale)) {
            throw new DomainException("error.user.localeUnknown");
        }
        caller.user().ifPresent(id -> users.updateLocale(id, locale));
    }

    /** Remembers the unit the caller works in, so the next login opens it; only a unit the caller belongs to. */
    @Override
    @Transactional
    public void rememberOwnUnit(UnitId unit) {
        Caller caller = guard.caller();
        if (caller.grants().stream().noneMatch(g -> g.unitId().equals(unit))) {
            throw new AccessDeniedException("not a member of " + unit);
        }
        caller.user().ifPresent(id -> users.updateLastUnit(id, unit));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UnitId> ownLastUnit() {
        return guard.caller().user().flatMap(users::lastUnit);
    }

    /**
     * Re-entering a secret signs a review, an approval, an import or an audit report: the caller's signing PIN once
     * they have set one ({@link SigningPins}), their password until then. A wrong one is refused, and too many
     * wrong ones pause signing for a while ({@link SignatureGate}); {@code context} names what was being signed,
     * for the audit trail.
     */
    public void verifySignature(String secret, String context) {
        UserId me = guard.caller().user().orElseThrow(() -> new AccessDeniedException("no user"));
        SignatureGate.Outcome outcome = signatures.attempt(me, context, s -> secret != null
                && passwordEncoder.matches(secret, s.pinHash() != null ? s.pinHash() : s.passwordHash()));
        if (outcome.verdict() != SignatureGate.Verdict.ACCEPTED) {
            throw signatures.refusal(outcome, "error.signoff.password");
        }
    }

    /**
     * The caller changes their own password: the current one proves it is them (an open session left at a desk is
     * not enough), and the new one follows the policy. Clears the change an administrator's reset asked for.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Caller caller = guard.caller();
        UserId id = caller.user().orElseThrow(() -> new AccessDeniedException("no user"));
        var login = users.findLogin(users.usernameOf(id)).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, login.passwordHash())) {
            throw new DomainException("error.password.currentWrong");
        }
        String password = PasswordPolicy.check(newPassword, login.username());
        if (password.equals(currentPassword)) {
            throw new DomainException("error.password.sameAsCurrent");
        }
        users.updatePassword(id, passwordEncoder.encode(password), false);
        trail.record("PASSWORD_CHANGED", TARGET, id, null, login.username());
    }

    /** Whether the caller still has to replace a password an administrator set (read live, not from the session). */
    @Transactional(readOnly = true)
    public boolean mustChangeOwnPassword() {
        return guard.caller().user().flatMap(id -> users.findLogin(users.usernameOf(id)))
                .map(JooqUserRepository.Login::mustChangePassword).orElse(false);
    }

    /**
     * Whoever held the account's sessions or tokens loses them with the change (ADR 0020): a disabled account, or
     * a password the administrator has just reset, ends every way in that the old state had opened.
     */
    private void endAccess(UserId id) {
        users.endSessions(id);
        int revoked = tokens.revokeAllOf(id);
        if (revoked > 0) {
            trail.record("API_TOKENS_REVOKED", ApiTokens.TARGET, id, null, String.valueOf(revoked));
        }
    }

    private UserAccount existing(UserId id) {
        return users.findById(id).orElseThrow(() -> new DomainException("error.user.notFound"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
