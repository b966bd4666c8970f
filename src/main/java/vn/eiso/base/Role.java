package vn.eiso.base;

/**
 * What a user may do in one unit. Roles are held per unit (user × unit × role); administrator and oversight
 * reach beyond the unit they are granted in: the administrator manages the whole system, the science
 * department (oversight) reads every unit.
 */
public enum Role {
    ADMINISTRATOR,
    OVERSIGHT,
    UNIT_HEAD,
    QUALITY_OFFICER,
    INTERNAL_AUDITOR,
    STAFF;

    /** Keeps the unit's QMS (documents, audits, reviews, objectives, risks, reports): its quality officer or head. */
    public boolean isEditor() {
        return this == QUALITY_OFFICER || this == UNIT_HEAD;
    }

    /** Spring Security authority name, as {@code @RolesAllowed} on views expects it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String ADMINISTRATOR = "ADMINISTRATOR";
        public static final String OVERSIGHT = "OVERSIGHT";

        private Names() {
        }
    }
}
