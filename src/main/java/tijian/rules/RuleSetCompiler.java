package tijian.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import tijian.compare.Companions;
import tijian.compare.Comparisons;
import tijian.compare.OtherReport;
import tijian.compare.PreviousReport;
import tijian.report.Report;
import tijian.report.ReportParser;
import tijian.report.UnitNames;
import tijian.rules.safety.BytecodeGate;
import tijian.rules.safety.SourceGate;

/**
 * Compiles the files of a rules directory into a {@link RuleSet}: DRL through Drools at run time, data tables,
 * item declarations and examples; everything wrong is reported as {@link Problem}s with file, line and column.
 */
public final class RuleSetCompiler {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final ClassLoader CLASS_LOADER = new CompilerClassLoader(RuleSetCompiler.class.getClassLoader());

    /** Compiles profiles beside the base; daemon threads, so that a compile never keeps the JVM from ending. */
    private static final ExecutorService COMPILERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rule-profile-compiler");
        t.setDaemon(true);
        return t;
    });

    private record Compiled(RuleSet rules, List<Problem> problems) {}

    private RuleSetCompiler() {}

    /** Which files of a rules directory belong to a revision. */
    public static boolean isRuleFile(String path) {
        if (path.startsWith(Profiles.DIR)) {
            return Profiles.isProfileFile(path);
        }
        return path.endsWith(".drl") || (path.startsWith("data/") && path.endsWith(".csv")) || Example.isExampleFile(path);
    }

    public static String revisionOf(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : new TreeMap<>(files).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles and validates, runs the examples, and returns the rule set or every reason it was rejected. */
    public static RuleSet compile(Map<String, String> files) throws RuleSetRejected {
        RuleSet candidate = compileWithoutExamples(files);
        // the examples of the base and of every profile in one parallel run, in file order per rule set
        List<Problem> failures = withProfiles(candidate).stream()
                .flatMap(set -> set.examples().stream().map(e -> Map.entry(set, e)))
                .toList().parallelStream()
                .map(se -> {
                    ExampleResult r = run(se.getValue(), se.getKey());
                    if (r.passed()) return null;
                    Problem p = Problem.error(r.example().file(), r.example().line(), 1,
                            "example " + r.example().item() + " " + r.example().expected() + ": " + r.failure());
                    return se.getKey() == candidate ? p : Profiles.inProfile(se.getKey().profile(), p);
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!failures.isEmpty()) {
            throw new RuleSetRejected(candidate.revision(), failures);
        }
        return candidate;
    }

    private static List<RuleSet> withProfiles(RuleSet base) {
        List<RuleSet> all = new ArrayList<>();
        all.add(base);
        all.addAll(base.profiles().values());
        return all;
    }

    /**
     * Compiles and validates only; examples are not run (for validating a file on its own). The base rule book and
     * every profile ({@link Profiles}) are compiled; a problem in any of them rejects the revision.
     */
    public static RuleSet compileWithoutExamples(Map<String, String> files) throws RuleSetRejected {
        SortedMap<String, String> sorted = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        String revision = revisionOf(sorted);
        List<Problem> problems = new ArrayList<>();
        // The base and each profile are compiled at the same time (one Drools build each, single-threaded): a saved
        // rule file goes live after the slowest of them instead of after all of them in turn.
        Map<String, CompletableFuture<Compiled>> overlays = new TreeMap<>();
        for (String name : Profiles.names(sorted)) {
            overlays.put(name, CompletableFuture.supplyAsync(() -> {
                List<Problem> own = new ArrayList<>();
                RuleSet profile = compileOne(revision, sorted, Profiles.overlay(sorted, name, own), name, Map.of(), own);
                return new Compiled(profile, own);
            }, COMPILERS));
        }
        RuleSet base = compileOne(revision, sorted, Profiles.base(sorted), Profiles.BASE, Map.of(), problems);
        if (base == null) {
            // a profile overlays the base: its errors would only repeat the base's, once per profile
            overlays.values().forEach(f -> f.cancel(false));
            throw new RuleSetRejected(revision, problems);
        }
        Map<String, RuleSet> profiles = new TreeMap<>();
        for (Map.Entry<String, CompletableFuture<Compiled>> e : overlays.entrySet()) {
            String name = e.getKey();
            Compiled compiled;
            try {
                compiled = e.getValue().join();
            } catch (java.util.concurrent.CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException r ? r : failed;
            }
            compiled.problems().forEach(p -> problems.add(Profiles.inProfile(name, p)));
            if (compiled.rules() != null) {
                profiles.put(name, compiled.rules());
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new RuleSetRejected(revision, problems);
        }
        return new RuleSet(base.revision(), base.files(), base.kieBase(), base.items(), base.data(), base.parser(),
                base.scoring(), List.copyOf(problems), base.examples(), base.rulesByItem(), Profiles.BASE,
                Collections.unmodifiableMap(profiles));
    }

    /** One rule book from its flat files; null when it has errors (they are in problems). */
    private static RuleSet compileOne(String revision, SortedMap<String, String> all, SortedMap<String, String> sorted,
                                      String profileName, Map<String, RuleSet> profiles, List<Problem> problems) {

        RuleData data = RuleData.read(sorted, problems);
        Scoring scoring = Scoring.fromSettings(data.settings(), problems);
        List<Example> examples = new ArrayList<>();
        sorted.forEach((path, content) -> {
            if (Example.isExampleFile(path)) {
                examples.addAll(Example.parse(path, content, problems));
            }
        });

        Map<String, String> drl = new LinkedHashMap<>();
        sorted.forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, content);
            }
        });
        if (drl.isEmpty()) {
            problems.add(Problem.error("(rules)", 0, 0, "no .drl files: there is nothing to check with"));
        }
        data.checkDataReadByRules(drl, problems);
        // Drools runs some rule text while it builds (metadata is evaluated with MVEL): check before compiling.
        List<Problem> refused = new ArrayList<>();
        drl.forEach((path, content) -> refused.addAll(SourceGate.check(path, content, CLASS_LOADER)));
        problems.addAll(refused);
        KieBase kieBase = drl.isEmpty() || !refused.isEmpty() ? null : build(drl, problems);

        Map<String, Item> items = new LinkedHashMap<>();
        Map<String, List<ItemCatalog.RuleRef>> rulesByItem = new LinkedHashMap<>();
        if (kieBase != null) {
            ItemCatalog.Catalog catalog = ItemCatalog.items(kieBase, drl, data.dataItems(), problems);
            items.putAll(catalog.items());
            rulesByItem.putAll(catalog.rulesByItem());
            for (Example example : examples) {
                if (!items.containsKey(example.item())) {
                    problems.add(Problem.error(example.file(), example.line(), 1, "example names unknown item " + example.item()));
                }
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return null;
        }
        return new RuleSet(revision, all, kieBase, Collections.unmodifiableMap(items), data,
                new ReportParser(data.partWordings()), scoring, List.copyOf(problems), List.copyOf(examples),
                Collections.unmodifiableMap(rulesByItem), profileName, profiles);
    }

    /** One example's outcome. */
    public record ExampleResult(Example example, String failure) {
        public boolean passed() { return failure == null; }
    }

    public static List<ExampleResult> runExamples(RuleSet rules) {
        return runAllExamples(rules).stream().filter(r -> !r.passed()).toList();
    }

    /** Every example's outcome, in file order; examples are independent checks, so they run in parallel. */
    public static List<ExampleResult> runAllExamples(RuleSet rules) {
        return rules.examples().parallelStream().map(e -> run(e, rules)).toList();
    }

    private static ExampleResult run(Example example, RuleSet rules) {
        try {
            Report report = rules.parser().parse(example.fragment());
            Checklist checklist = Checker.check(report, rules, Comparisons.facts(report, companions(example, rules)));
            return new ExampleResult(example, example.mismatch(checklist));
        } catch (RuntimeException e) {
            return new ExampleResult(example, "the check threw " + e);
        }
    }

    /** An example's companion texts, parsed with the rule set's parser, as what its report is compared with. */
    private static Companions companions(Example example, RuleSet rules) {
        PreviousReport previous = null;
        List<OtherReport> others = new ArrayList<>();
        for (Example.Companion c : example.companions()) {
            Report companion = rules.parser().parse(c.text());
            String id = example.file() + ":" + c.line();
            if (c.kind() == Example.Companion.Kind.PREVIOUS) {
                previous = new PreviousReport(id, companion);
            } else {
                String unit = companion.getUnit() == null ? id : UnitNames.normalise(companion.getUnit());
                others.add(new OtherReport(id, unit, companion));
            }
        }
        return Companions.of(previous, others);
    }

    private static KieBase build(Map<String, String> drl, List<Problem> problems) {
        ClassLoader appLoader = CLASS_LOADER;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Drools finds its own services through the context class loader; under Quarkus that is not always ours.
        thread.setContextClassLoader(appLoader);
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("tijian", "rules", "1.0." + BUILDS.incrementAndGet());
        try {
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            Map<String, String> sourceOf = new HashMap<>();
            drl.forEach((path, content) -> {
                Matcher pkg = PACKAGE.matcher(content);
                String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
                String resource = dir + path.replace('/', '_');
                // Drools names a file in its messages by its resource path, with or without the source folder.
                sourceOf.put(resource, path);
                sourceOf.put("src/main/resources/" + resource, path);
                kfs.write("src/main/resources/" + resource, content);
            });
            KieBuilder builder = ks.newKieBuilder(kfs, appLoader);
            try {
                builder.buildAll();
            } catch (RuntimeException e) {
                problems.add(Problem.error("(rules)", 0, 0, "the rule compiler failed: " + e));
                return null;
            }
            boolean errors = false;
            for (Message m : builder.getResults().getMessages()) {
                String file = sourceOf.getOrDefault(m.getPath(), m.getPath() == null ? "(rules)" : m.getPath());
                if (m.getLevel() == Message.Level.ERROR) {
                    errors = true;
                    problems.add(DrlErrors.locate(file, drl.get(file), m.getLine(), m.getColumn(), m.getText()));
                } else if (m.getLevel() == Message.Level.WARNING) {
                    problems.add(Problem.warning(file, m.getLine(), m.getColumn(), m.getText()));
                }
            }
            if (errors) {
                return null;
            }
            KieBase kieBase = ks.newKieContainer(releaseId, appLoader).getKieBase();
            // Before any session exists: nothing the rule set's own code does has run yet.
            List<Problem> refused = BytecodeGate.check(kieBase, p -> sourceOf.getOrDefault(p, p), appLoader);
            if (!refused.isEmpty()) {
                problems.addAll(refused);
                return null;
            }
            return kieBase;
        } catch (RuntimeException e) {
            problems.add(Problem.error("(rules)", 0, 0, "the rule compiler failed: " + e));
            return null;
        } finally {
            // KieRepository is static: without this every reload would keep its module for ever.
            ks.getRepository().removeKieModule(releaseId);
            thread.setContextClassLoader(previous);
        }
    }
}
