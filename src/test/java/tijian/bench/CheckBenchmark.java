package tijian.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import tijian.report.Report;
import tijian.rules.Checker;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.rulebook.RuleWatcher;
import tijian.testsupport.SampleReports;

/**
 * Prints how fast the core is: parsing and checking each sample report, compiling the rule book, how soon a saved rule
 * file goes live (against the README's 2 s), and memory over repeated reloads. Not part of the test run (its name does
 * not end in Test); run it with {@code mvn test -Dtest=CheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CheckBenchmark {
    /** README: the running service picks a saved rule change up within 2 s. */
    static final Duration RELOAD_TARGET = Duration.ofSeconds(2);

    @Test
    void run() throws Exception {
        Map<String, String> files = RuleFiles.read(Path.of("rules"));
        long t0 = System.nanoTime();
        RuleSet rules = RuleSetCompiler.compile(files);
        System.out.printf("rule book: %d items, %d examples; first compile incl. examples %.0f ms%n",
                rules.items().size(), rules.examples().size(), ms(System.nanoTime() - t0));
        for (int i = 2; i <= 4; i++) {
            long t = System.nanoTime();
            RuleSetCompiler.compile(files);
            System.out.printf("compile #%d incl. examples %.0f ms%n", i, ms(System.nanoTime() - t));
        }

        for (String name : SampleReports.ALL) {
            String text = SampleReports.text(name);
            for (int i = 0; i < 50; i++) {
                Checker.check(rules.parser().parse(text), rules);
            }
            int n = 300;
            double[] parse = new double[n];
            double[] check = new double[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                Report report = rules.parser().parse(text);
                long b = System.nanoTime();
                Checker.check(report, rules);
                long c = System.nanoTime();
                parse[i] = ms(b - a);
                check[i] = ms(c - b);
            }
            System.out.printf("%-28s %6d chars  parse p50 %.2f ms p99 %.2f ms | rules p50 %.2f ms p99 %.2f ms%n",
                    name, text.length(), pct(parse, 50), pct(parse, 99), pct(check, 50), pct(check, 99));
        }

        int reloads = 20;
        long r0 = System.nanoTime();
        for (int i = 0; i < reloads; i++) {
            Map<String, String> changed = new java.util.TreeMap<>(files);
            changed.put("data/settings.csv", files.get("data/settings.csv") + "\n# reload " + i + "\n");
            RuleSetCompiler.compile(changed);
        }
        double recompile = ms(System.nanoTime() - r0) / reloads;
        System.out.printf("recompile incl. examples: %.0f ms each over %d reloads%n", recompile, reloads);
        // A saved rule file goes live after the watcher's quiet period and one recompile; HotReloadTest only waits
        // for it to happen, this is where the speed is shown.
        Duration quiet = Duration.parse(RuleWatcher.class.getDeclaredField("quietPeriod").getAnnotation(ConfigProperty.class).defaultValue());
        double saveToLive = quiet.toMillis() + recompile;
        System.out.printf("hot reload, save to live: %.0f ms (quiet period %d ms + recompile); target %d ms: %s%n",
                saveToLive, quiet.toMillis(), RELOAD_TARGET.toMillis(), saveToLive <= RELOAD_TARGET.toMillis() ? "met" : "MISSED");
        long c0 = System.nanoTime();
        RuleSet compiled = RuleSetCompiler.compileWithoutExamples(files);
        long c1 = System.nanoTime();
        RuleSetCompiler.runExamples(compiled);
        long c2 = System.nanoTime();
        System.out.printf("of which compiling %.0f ms, running the %d examples %.0f ms%n", ms(c1 - c0), compiled.examples().size(), ms(c2 - c1));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after %d reloads and GC: %d MB%n", reloads, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double ms(long nanos) { return nanos / 1e6; }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
