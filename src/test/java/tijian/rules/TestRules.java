package tijian.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tijian.report.Report;

/** Test helpers: the real rules directory of this project (the sample reports: {@link tijian.testsupport.SampleReports}). */
final class TestRules {
    private static RuleSet compiled;

    private TestRules() {}

    /** Every rule file under rules/ (relative to the project directory), keyed by relative path with '/'. */
    static Map<String, String> files() {
        Path root = Path.of("rules");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (RuleSetCompiler.isRuleFile(rel)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The rules compiled without running the examples (RuleExamplesTest runs those and names each failure). */
    static synchronized RuleSet rules() {
        if (compiled == null) {
            try {
                compiled = RuleSetCompiler.compileWithoutExamples(files());
            } catch (RuleSetRejected e) {
                throw new AssertionError("the rules directory does not compile:\n" + e.getMessage(), e);
            }
        }
        return compiled;
    }

    static Checklist check(String text) {
        RuleSet rules = rules();
        Report report = rules.parser().parse(text);
        return Checker.check(report, rules);
    }

    /** A check of {@code text} compared with the same unit's report of the year before. */
    static Checklist check(String text, String lastYear) {
        RuleSet rules = rules();
        Report report = rules.parser().parse(text);
        tijian.compare.PreviousReport previous = new tijian.compare.PreviousReport("last-year", rules.parser().parse(lastYear));
        return Checker.check(report, rules, tijian.compare.Comparisons.facts(report, tijian.compare.Companions.of(previous, List.of())));
    }

    static Map<String, ChecklistItem> byId(Checklist checklist) {
        Map<String, ChecklistItem> m = new LinkedHashMap<>();
        checklist.items().forEach(i -> m.put(i.id(), i));
        return m;
    }

    static Map<String, Status> statuses(Checklist checklist) {
        Map<String, Status> m = new TreeMap<>();
        checklist.items().forEach(i -> m.put(i.id(), i.status()));
        return m;
    }

    /** The whole checklist, one line per item, for failure messages. */
    static String dump(Checklist checklist) {
        return checklist.items().stream()
                .map(i -> i.id() + " " + i.status() + " " + i.message() + " "
                        + i.evidence().stream().map(ChecklistItem.Evidence::quote).toList())
                .collect(Collectors.joining("\n"));
    }

    static List<String> catalogue() {
        return List.copyOf(rules().items().keySet());
    }
}
