package tijian.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions of the rules' {@link Report#find} calls. Rules pass their pattern as a string on
 * every check, and compiling it each time cost more than matching. The rules' patterns are a fixed set per rule
 * revision, so the cache stays small; should it ever grow past {@link #MAX} (patterns built from report text), it
 * starts over rather than hold memory.
 */
final class Patterns {
    static final int MAX = 2_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /** The rules' patterns that are only quoted words, by pattern; {@link #NOT_LITERAL} for every other pattern. */
    private static final Map<String, Object> LITERALS = new ConcurrentHashMap<>();
    private static final Object NOT_LITERAL = new Object();

    private Patterns() {}

    /** The pattern as plain words to look for ({@link Literals}), or null when it needs the regex engine. */
    static Literals literals(String regex) {
        Object l = LITERALS.get(regex);
        if (l == null) {
            Literals parsed = Literals.of(regex);
            l = parsed == null ? NOT_LITERAL : parsed;
            if (LITERALS.size() >= MAX) {
                LITERALS.clear();
            }
            LITERALS.put(regex, l);
        }
        return l == NOT_LITERAL ? null : (Literals) l;
    }

    static Pattern compiled(String regex) {
        Pattern p = COMPILED.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (COMPILED.size() >= MAX) {
                COMPILED.clear();
            }
            COMPILED.put(regex, p);
        }
        return p;
    }
}
