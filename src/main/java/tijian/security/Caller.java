package tijian.security;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

import tijian.report.UnitNames;

/**
 * Who is asking, in the terms the service decides by: a name, roles, and for a unit user the key of its unit; or
 * nobody ({@link #ANONYMOUS}).
 */
public record Caller(String name, Set<String> roles, String unitKey) {
    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    /** Identity attribute holding the unit as written; set by the identity providers (and by tests). */
    public static final String UNIT_ATTRIBUTE = "unit";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Object unit = identity.getAttribute(UNIT_ATTRIBUTE);
        String key = unit == null || !identity.hasRole(Roles.UNIT) ? null : UnitNames.normalise(unit.toString());
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), key);
    }

    public boolean isAnonymous() { return name == null; }

    public boolean has(String role) { return roles.contains(role); }

    /** Inspectors and rule authors read every stored check, audit and unit. */
    public boolean readsEverything() { return has(Roles.INSPECTOR) || has(Roles.RULE_AUTHOR); }

    /** Whether this caller may read the history of the unit written as {@code unitName}. */
    public boolean mayReadUnit(String unitName) {
        if (readsEverything()) {
            return true;
        }
        return unitKey != null && unitKey.equals(UnitNames.normalise(unitName));
    }
}
