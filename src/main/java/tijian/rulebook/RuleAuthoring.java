package tijian.rulebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import tijian.refusal.Refusal;
import tijian.rules.Example;
import tijian.rules.Item;
import tijian.rules.Problem;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.rules.RuleSetRejected;

/**
 * What rule authors do besides editing files on disk: validate a candidate file without activating it, run the
 * examples, and (when switched on) upload or delete rule files, which goes through the same validation.
 */
@ApplicationScoped
public class RuleAuthoring {
    @Inject
    RuleBook ruleBook;

    @ConfigProperty(name = "checker.rules.upload-enabled")
    boolean uploadEnabled;

    /** The outcome of validating candidate files against the live rule set. */
    public record Validation(boolean valid, String revision, List<Problem> errors, List<Problem> warnings,
                             List<Item> items, List<ExampleOutcome> examples) {}

    /** One example's outcome, as authors read it. */
    public record ExampleOutcome(String item, String expected, String file, int line, boolean passed, String failure) {
        static ExampleOutcome of(RuleSetCompiler.ExampleResult r) {
            Example e = r.example();
            return new ExampleOutcome(e.item(), e.expected().name(), e.file(), e.line(), r.passed(), r.failure());
        }
    }

    /**
     * Compiles the live files with the candidate files laid over them (a file of the same name replaced), runs the
     * examples, and reports; nothing is activated.
     */
    public Validation validate(Map<String, String> candidate) {
        candidate.keySet().forEach(RuleAuthoring::checkName);
        Map<String, String> files = overlay(candidate);
        try {
            RuleSet rules = RuleSetCompiler.compileWithoutExamples(files);
            List<ExampleOutcome> examples = RuleSetCompiler.runAllExamples(rules).stream().map(ExampleOutcome::of).toList();
            List<Problem> errors = new ArrayList<>();
            for (ExampleOutcome o : examples) {
                if (!o.passed()) {
                    errors.add(Problem.error(o.file(), o.line(), 1, "example " + o.item() + " " + o.expected() + ": " + o.failure()));
                }
            }
            List<Item> defined = rules.items().values().stream().filter(i -> candidate.containsKey(i.file())).toList();
            return new Validation(errors.isEmpty(), rules.revision(), errors, rules.warnings(), defined, examples);
        } catch (RuleSetRejected e) {
            return new Validation(false, e.revision(), e.problems().stream().filter(Problem::isError).toList(),
                    e.problems().stream().filter(p -> !p.isError()).toList(), List.of(), List.of());
        }
    }

    /** Runs every example of the live rule set. */
    public List<ExampleOutcome> testLive() {
        return RuleSetCompiler.runAllExamples(ruleBook.active()).stream().map(ExampleOutcome::of).toList();
    }

    /** Writes a rule file into the rules directory if the result validates; the rule book then activates it. */
    public Validation put(String name, String content) {
        requireUpload();
        Validation validation = validate(Map.of(name, content));
        if (validation.valid()) {
            write(name, content);
            return afterReload(validation);
        }
        return validation;
    }

    /** Removes a rule file if the rules without it still validate. */
    public Validation delete(String name) {
        requireUpload();
        checkName(name);
        Map<String, String> files = new TreeMap<>(live());
        if (files.remove(name) == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "rule-file-refused", "没有这个规则文件。", "no rule file " + name);
        }
        Validation validation;
        try {
            RuleSet rules = RuleSetCompiler.compile(files);
            validation = new Validation(true, rules.revision(), List.of(), rules.warnings(), List.of(), List.of());
        } catch (RuleSetRejected e) {
            return new Validation(false, e.revision(), e.problems().stream().filter(Problem::isError).toList(),
                    List.of(), List.of(), List.of());
        }
        try {
            Files.deleteIfExists(ruleBook.dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return afterReload(validation);
    }

    /**
     * The candidate was validated over the live files, but the reload reads the folder, where another file may be
     * broken since: then nothing went live, and the author is told so rather than answered as if it had.
     */
    private Validation afterReload(Validation validated) {
        return ruleBook.reload()
                .map(r -> new Validation(false, r.revision(), r.problems().stream().filter(Problem::isError).toList(),
                        r.problems().stream().filter(p -> !p.isError()).toList(), List.of(), List.of()))
                .orElse(validated);
    }

    private void requireUpload() {
        if (!uploadEnabled) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "rule-file-refused", "规则文件上传功能未开启。",
                    "uploading rule files is switched off on this service (checker.rules.upload-enabled=false)");
        }
    }

    private Map<String, String> live() {
        return ruleBook.live().map(l -> (Map<String, String>) l.rules().files()).orElseGet(() -> RuleFiles.read(ruleBook.dir()));
    }

    private Map<String, String> overlay(Map<String, String> candidate) {
        Map<String, String> files = new TreeMap<>(live());
        files.putAll(candidate);
        return files;
    }

    private void write(String name, String content) {
        Path target = ruleBook.dir().resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            // A rename is atomic, so the watcher never compiles a half-written file.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.startsWith("/") || name.contains("\\") || name.contains("..")
                || !RuleSetCompiler.isRuleFile(name)) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "rule-file-refused", "规则文件名无效：应为 名称.drl、名称.examples.txt 或 data/名称.csv。",
                    "\"" + name + "\" is not a rule file name: use name.drl, name.examples.txt or data/name.csv");
        }
    }
}
