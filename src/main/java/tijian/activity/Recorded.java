package tijian.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts every call of a REST resource method into the audit trail, refusals (4xx) and failures included: who
 * (the request's identity and roles), what ({@link #value()}, e.g. {@code check.create}), on what (the path
 * parameters, or the id of what the call created), from where, with which rule revision live, and the status.
 * See {@link ActivityFilter}. User administration uses {@code user.create}, {@code user.update} (roles, unit,
 * enabled) and {@code user.password}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Recorded {
    /** The action, as stored and filtered on: lower case, dotted ({@code audit.export}). */
    String value();
}
