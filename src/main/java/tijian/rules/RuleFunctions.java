package tijian.rules;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Small helpers that rules in several files need. In a .drl: {@code import function tijian.rules.RuleFunctions.num;}
 */
public final class RuleFunctions {
    private RuleFunctions() {}

    /** True when the text contains any of the words (a word list collected from {@link Term} facts). */
    public static boolean containsAny(String text, Collection<?> words) {
        if (text == null) {
            return false;
        }
        for (Object w : words) {
            if (text.contains(w.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A regular expression matching any of the words literally, for {@code report.find(...)}; matches nothing for none. */
    public static String anyOf(Collection<?> words) {
        StringBuilder regex = new StringBuilder();
        for (Object w : words) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append(Pattern.quote(w.toString()));
        }
        return regex.length() == 0 ? "(?!)" : regex.toString();
    }

    /** A figure as a reader writes it: 100.0 → "100", 97.5 → "97.5", 27.3109 → "27.31". */
    public static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }
}
