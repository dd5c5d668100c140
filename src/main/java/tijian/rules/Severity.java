package tijian.rules;

import java.util.Locale;

/** Whether an item is required by regulation (mandatory) or good practice (advisory). */
public enum Severity {
    MANDATORY,
    ADVISORY;

    static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("severity must be mandatory or advisory, not \"" + s + "\"");
        }
    }
}
