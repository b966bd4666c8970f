package vn.eiso.base.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/**
 * The unit-scope check every service calls before it reads or changes a unit's data. Roles are data
 * (user × unit × role) and are looked up live, so this is the guard and the views are only a convenience.
 */
@Component
public class AccessGuard {

    /** Request attribute holding the grants read for this request's user (see {@link #grantsOf}). */
    private static final String GRANTS_READ = AccessGuard.class.getName() + ".grants";

    private final GrantSource grants;

    AccessGuard(GrantSource grants) {
        this.grants = grants;
    }

    /** The signed-in user, or the system itself for start-up work; refused when nobody is signed in. */
    public Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof SystemAuthentication) {
            return Caller.SYSTEM;
        }
        if (auth == null || !(auth.getPrincipal() instanceof EisoPrincipal principal)) {
            throw new AccessDeniedException("not signed in");
        }
        return new Caller(principal.userId(), principal.getUsername(), grantsOf(principal.userId()));
    }

    /**
     * The user's grants, read once per HTTP request: one screen's answer calls a dozen guarded services, and each
     * read was a query (6 % of a node's request time under load, ADR 0028). The next request reads them afresh, so a
     * revoked membership still takes effect at the user's next click. Outside a request (jobs, tests calling
     * services directly) every call reads them.
     */
    private List<Grant> grantsOf(UserId user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return grants.activeGrantsOf(user);
        }
        if (request.getAttribute(GRANTS_READ, RequestAttributes.SCOPE_REQUEST) instanceof ReadGrants read
                && read.user().equals(user)) {
            return read.grants();
        }
        List<Grant> live = grants.activeGrantsOf(user);
        request.setAttribute(GRANTS_READ, new ReadGrants(user, live), RequestAttributes.SCOPE_REQUEST);
        return live;
    }

    private record ReadGrants(UserId user, List<Grant> grants) {
    }

    /** The caller's user name for the audit trail, or "system". */
    public String actorName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof SystemAuthentication || auth == null) {
            return Caller.SYSTEM.username();
        }
        return auth.getName();
    }

    public Caller requireAdministrator() {
        Caller caller = caller();
        if (!caller.isAdministrator()) {
            throw new AccessDeniedException("administrator required");
        }
        return caller;
    }

    /** The caller sees the whole province: the science department (oversight) or an administrator. */
    public Caller requireProvinceWide() {
        Caller caller = caller();
        if (!caller.isProvinceWide()) {
            throw new AccessDeniedException("province-wide access required");
        }
        return caller;
    }

    /** The caller holds one of the roles in exactly this unit (administrators always pass). */
    public Caller requireRoleIn(UnitId unit, Role... roles) {
        Caller caller = caller();
        if (!caller.isAdministrator() && !caller.hasRoleIn(unit, roles)) {
            throw new AccessDeniedException("role " + Arrays.toString(roles) + " required in unit " + unit);
        }
        return caller;
    }

    /** The caller keeps this unit's QMS: its quality officer or head (administrators always pass). */
    public Caller requireEditor(UnitId unit) {
        Caller caller = caller();
        if (!caller.canEdit(unit)) {
            throw new AccessDeniedException("quality officer or head required in unit " + unit);
        }
        return caller;
    }

    /** The caller may read this unit: a member of it, the science department, or an administrator. */
    public Caller requireReadAccess(UnitId unit) {
        Caller caller = caller();
        if (!caller.canRead(unit)) {
            throw new AccessDeniedException("no access to unit " + unit);
        }
        return caller;
    }

    /** Who is asking, with the grants they hold right now. */
    public record Caller(UserId userId, String username, List<Grant> grants) {

        static final Caller SYSTEM = new Caller(null, "system", List.of());

        public boolean isSystem() {
            return this == SYSTEM;
        }

        public boolean isAdministrator() {
            return isSystem() || grants.stream().anyMatch(g -> g.role() == Role.ADMINISTRATOR);
        }

        public boolean isOversight() {
            return grants.stream().anyMatch(g -> g.role() == Role.OVERSIGHT);
        }

        public boolean isProvinceWide() {
            return isAdministrator() || isOversight();
        }

        public boolean hasRoleIn(UnitId unit, Role... roles) {
            List<Role> wanted = Arrays.asList(roles);
            return grants.stream().anyMatch(g -> g.unitId().equals(unit) && wanted.contains(g.role()));
        }

        /** Quality officer or head of exactly this unit. */
        public boolean isEditorIn(UnitId unit) {
            return grants.stream().anyMatch(g -> g.unitId().equals(unit) && g.role().isEditor());
        }

        /** May change the unit's QMS: one of its editors, or an administrator. */
        public boolean canEdit(UnitId unit) {
            return isAdministrator() || isEditorIn(unit);
        }

        public boolean canRead(UnitId unit) {
            return isAdministrator() || isOversight() || grants.stream().anyMatch(g -> g.unitId().equals(unit));
        }

        public Optional<UserId> user() {
            return Optional.ofNullable(userId);
        }
    }
}
