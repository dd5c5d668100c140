package tijian.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's own example, in the spirit of LanguageTool: a short report fragment and the status (and optionally a
 * piece of the evidence) that an item must get for it. Written in {@code *.examples.txt} beside the .drl files:
 * <pre>
 * === structure.causes FAIL
 * 四、存在的不足和原因
 * （一）部分干部法治能力有待提升。
 * === structure.causes PASS 原因分析
 * …
 * </pre>
 * The header is {@code === item-id STATUS [quote]}; the fragment runs to the next header. Items that compare a report
 * with others take companion texts after the fragment, each after a line {@code --- previous} (the same unit's
 * report of the year before) or {@code --- other} (another unit's report):
 * <pre>
 * === continuity.targets-met FAIL 化解率
 * 某某街道办事处关于2025年法治政府建设情况的报告
 * …
 * --- previous
 * 某某街道办事处关于2024年法治政府建设情况的报告
 * …
 * </pre>
 */
public record Example(String item, Status expected, String quote, String fragment, List<Companion> companions,
                      String file, int line) {

    private static final Pattern HEADER = Pattern.compile("^===\\s*(\\S+)\\s+(\\S+)(?:\\s+(.+?))?\\s*$");
    private static final Pattern COMPANION = Pattern.compile("^---\\s*(\\S+)\\s*$");

    /** A text an example's report is compared with. */
    public record Companion(Kind kind, String text, int line) {
        public enum Kind { PREVIOUS, OTHER }
    }

    static boolean isExampleFile(String path) { return path.endsWith(".examples.txt"); }

    static List<Example> parse(String file, String content, List<Problem> problems) {
        List<Example> examples = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        String item = null;
        Status status = null;
        String quote = null;
        int headerLine = 0;
        StringBuilder fragment = new StringBuilder();
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length;
            Matcher header = end ? null : HEADER.matcher(lines[i]);
            if (end || lines[i].startsWith("===")) {
                if (item != null) {
                    Example example = withCompanions(item, status, quote, fragment.toString(), file, headerLine, problems);
                    if (example != null) {
                        examples.add(example);
                    }
                }
                item = null;
                fragment.setLength(0);
                if (end) {
                    break;
                }
                if (!header.matches()) {
                    problems.add(Problem.error(file, i + 1, 1, "example header must read \"=== item-id STATUS [quote]\""));
                    continue;
                }
                Status parsed = parseStatus(header.group(2));
                if (parsed == null) {
                    problems.add(Problem.error(file, i + 1, header.start(2) + 1,
                            "status must be PASS, WARN, FAIL or NOT_APPLICABLE, not \"" + header.group(2) + "\""));
                    continue;
                }
                item = header.group(1);
                status = parsed;
                quote = header.group(3);
                headerLine = i + 1;
            } else if (item != null) {
                fragment.append(lines[i]).append('\n');
            }
        }
        return examples;
    }

    /** Splits an example's text at its {@code --- previous} / {@code --- other} lines; null (with a problem) when unusable. */
    private static Example withCompanions(String item, Status status, String quote, String body, String file, int headerLine,
                                          List<Problem> problems) {
        String[] lines = body.split("\n", -1);
        StringBuilder own = new StringBuilder();
        List<Companion> companions = new ArrayList<>();
        Companion.Kind kind = null;
        int kindLine = 0;
        StringBuilder current = own;
        for (int i = 0; i <= lines.length; i++) {
            Matcher m = i == lines.length ? null : COMPANION.matcher(lines[i]);
            if (i == lines.length || m.matches()) {
                if (kind != null) {
                    String text = current.toString().strip();
                    if (text.isEmpty()) {
                        problems.add(Problem.error(file, kindLine, 1, "companion text of the example for " + item + " is empty"));
                        return null;
                    }
                    companions.add(new Companion(kind, text, kindLine));
                }
                if (i == lines.length) {
                    break;
                }
                kindLine = headerLine + 1 + i;
                kind = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "previous" -> Companion.Kind.PREVIOUS;
                    case "other" -> Companion.Kind.OTHER;
                    default -> null;
                };
                if (kind == null) {
                    problems.add(Problem.error(file, kindLine, 5, "a companion is \"--- previous\" or \"--- other\", not \"" + lines[i] + "\""));
                    return null;
                }
                if (kind == Companion.Kind.PREVIOUS && companions.stream().anyMatch(c -> c.kind() == Companion.Kind.PREVIOUS)) {
                    problems.add(Problem.error(file, kindLine, 1, "an example has at most one \"--- previous\" report"));
                    return null;
                }
                current = new StringBuilder();
            } else {
                current.append(lines[i]).append('\n');
            }
        }
        String text = own.toString().strip();
        if (text.isEmpty()) {
            problems.add(Problem.error(file, headerLine, 1, "example for " + item + " has no text"));
            return null;
        }
        return new Example(item, status, quote, text, List.copyOf(companions), file, headerLine);
    }

    private static Status parseStatus(String s) {
        String u = s.toUpperCase(Locale.ROOT).replace('-', '_');
        if (u.equals("N/A") || u.equals("NA")) {
            return Status.NOT_APPLICABLE;
        }
        try {
            return Status.valueOf(u);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why this example fails on a checklist, or null when it passes. */
    String mismatch(Checklist checklist) {
        ChecklistItem got = checklist.items().stream().filter(i -> i.id().equals(item)).findFirst().orElse(null);
        if (got == null) {
            return "no item " + item + " in the checklist";
        }
        if (got.status() != expected) {
            return "expected " + expected + " but got " + got.status() + " (" + got.message() + ")";
        }
        if (quote != null && got.evidence().stream().noneMatch(e -> e.quote().contains(quote))) {
            return "expected evidence quoting \"" + quote + "\" but got "
                    + got.evidence().stream().map(ChecklistItem.Evidence::quote).toList();
        }
        return null;
    }

    /** "file:line item STATUS", how an author finds the example again. */
    public String where() { return file + ":" + line + " " + item + " " + expected; }
}
