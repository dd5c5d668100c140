package tijian.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Drools' compile errors point where an author must look. Drools reports an error inside a rule's {@code then}
 * block at the rule's header; this finds the consequence line that mentions the offending name instead.
 */
final class DrlErrors {
    private static final List<Pattern> CULPRITS = List.of(
            Pattern.compile("The method (\\w+)"),
            Pattern.compile("The field \\w+\\.(\\w+)"),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("The constructor (\\w+)"),
            Pattern.compile("Syntax error on token \"([^\"]+)\""),
            Pattern.compile("type mismatch.*?from (\\w+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("unable to resolve method using strict-mode: \\S+\\.(\\w+)\\("),
            Pattern.compile("Unable to find @positional field"),
            Pattern.compile("\\[Error: unable to resolve method using strict-mode: [\\w.]+\\.(\\w+)\\(")
    );
    private static final Pattern RULE_ERROR = Pattern.compile("Rule Compilation error|Rule name=");

    private DrlErrors() {}

    static Problem locate(String file, String source, int line, int column, String message) {
        String text = message == null ? "" : message.strip();
        if (source != null && line > 0 && RULE_ERROR.matcher(text).find()) {
            int[] at = inConsequence(source, line, text);
            if (at != null) {
                return Problem.error(file, at[0], at[1], clean(text));
            }
        }
        return Problem.error(file, Math.max(line, 0), Math.max(column, 0), clean(text));
    }

    /** Line and column (1-based) in the then-block of the rule starting at headerLine that names the culprit. */
    private static int[] inConsequence(String source, int headerLine, String message) {
        String[] lines = source.split("\n", -1);
        int then = -1;
        for (int i = headerLine - 1; i < lines.length; i++) {
            String t = lines[i].strip();
            if (then < 0 && t.matches("then\\b.*")) {
                then = i;
            } else if (then >= 0 && t.equals("end")) {
                List<String> culprits = culprits(message);
                for (int j = then + 1; j < i; j++) {
                    for (String c : culprits) {
                        int col = lines[j].indexOf(c);
                        if (col >= 0) {
                            return new int[] {j + 1, col + 1};
                        }
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static List<String> culprits(String message) {
        List<String> found = new ArrayList<>();
        for (Pattern p : CULPRITS) {
            Matcher m = p.matcher(message);
            while (m.find()) {
                if (m.groupCount() > 0 && m.group(1) != null) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static String clean(String message) {
        return message.replaceAll("\\s+", " ").strip();
    }
}
