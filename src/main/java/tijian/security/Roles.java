package tijian.security;

import java.util.List;

/**
 * The four roles. What each may do is declared on every endpoint ({@code @RolesAllowed}); the README's role table
 * is the readable version.
 */
public final class Roles {
    /** A 街道, 乡镇 or department: checks its reports, reads its own unit's checks and history. */
    public static final String UNIT = "unit";
    /** 依法治区办, 司法局: audits, every check and unit, exports, re-runs. */
    public static final String INSPECTOR = "inspector";
    /** Reads what an inspector reads; validates, tests, uploads and deletes rule files; reads revisions. */
    public static final String RULE_AUTHOR = "rule-author";
    /** Users and roles, and the activity log. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(UNIT, INSPECTOR, RULE_AUTHOR, ADMIN);

    private Roles() {}
}
