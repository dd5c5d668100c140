package tijian.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tijian.report.Deadline;
import tijian.report.Report;
import tijian.rules.Checker;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.testsupport.SampleReports;

/**
 * Prints how fast the service is, against the targets of issue 15. Not part of the test run (its name does not end in
 * Test); run everything with the README's command:
 * <pre>mvn -B package -DskipTests && mvn -B test -Dtest=CheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The first part works in this JVM (parse, rules, score; no database); the second starts the packaged service
 * ({@link ServiceBenchmark}) and measures it over HTTP with storage on. {@code -Dbench.seconds=N} sets the length of
 * each measured run (default 10), {@code -Dbench.audit=10000} adds the large audit and its Excel export (opt-in: it takes minutes).
 * Figures depend on the machine and on what else runs on it: every block prints the load average with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckBenchmark {
    /** README: the running service picks a saved rule change up within 2 s. */
    static final Duration RELOAD_TARGET = Duration.ofSeconds(2);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);

    @Test
    @Order(1)
    void inProcess() throws Exception {
        System.out.printf("== in process (%d cores, %s) ==%n", Runtime.getRuntime().availableProcessors(), load());
        Map<String, String> files = RuleFiles.read(Path.of("rules"));
        long t0 = System.nanoTime();
        RuleSet rules = RuleSetCompiler.compile(files);
        System.out.printf("rule book: %d items, %d examples; first compile incl. examples %.0f ms%n",
                rules.items().size(), rules.examples().size(), ms(System.nanoTime() - t0));

        checksPerCore(rules);
        parseAgainstLength(rules);
        reload(files);
    }

    @Test
    @Order(2)
    void service() throws Exception {
        ServiceBenchmark.run(SECONDS, Integer.getInteger("bench.audit", 0));
    }

    /** One thread, the sample reports in turn: parse + rules + score, as a check does it minus reading and storing. */
    private static void checksPerCore(RuleSet rules) {
        List<String> texts = SampleReports.ALL.stream().map(SampleReports::text).toList();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(Math.max(3, SECONDS / 2)).toNanos();
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            check(texts.get(i % texts.size()), rules);
        }
        // -Dbench.jfr=…: the measured loop is recorded too (in-process.jfr beside the service's recording)
        String jfr = System.getProperty("bench.jfr");
        Recording recording = null;
        if (jfr != null && !jfr.isBlank()) {
            try {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.setDestination(Path.of(jfr).toAbsolutePath().resolveSibling("in-process.jfr"));
                recording.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        long parseNanos = 0;
        long rulesNanos = 0;
        int n = 0;
        double[] each = new double[200_000];
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(SECONDS).toNanos();
        while (System.nanoTime() < end && n < each.length) {
            String text = texts.get(n % texts.size());
            long a = System.nanoTime();
            Report report = Deadline.in(Duration.ofSeconds(20)).run(() -> rules.parser().parse(text));
            long b = System.nanoTime();
            Deadline.in(Duration.ofSeconds(20)).run(() -> Checker.check(report, rules));
            long c = System.nanoTime();
            parseNanos += b - a;
            rulesNanos += c - b;
            each[n++] = ms(c - a);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (recording != null) {
            recording.stop(); // writes it to its destination
            recording.close();
        }
        double perSecond = n / seconds;
        System.out.printf("in-process, one thread: %.0f checks/s (p50 %.2f ms, p99 %.2f ms; parse %.0f%%, rules+score %.0f%%)"
                        + " over %d checks of %d samples; target 1000/s per core: %s  [%s]%n",
                perSecond, pct(each, n, 50), pct(each, n, 99), 100.0 * parseNanos / (parseNanos + rulesNanos),
                100.0 * rulesNanos / (parseNanos + rulesNanos), n, texts.size(), perSecond >= 1000 ? "met" : "MISSED", load());
    }

    private static void check(String text, RuleSet rules) {
        Deadline.in(Duration.ofSeconds(20)).run(() -> Checker.check(rules.parser().parse(text), rules));
    }

    /** Parse time at 10 k, 100 k and 1 M characters (the samples repeated): it should grow with the length, no faster. */
    private static void parseAgainstLength(RuleSet rules) {
        StringBuilder all = new StringBuilder();
        for (String name : SampleReports.ALL) {
            all.append(SampleReports.text(name)).append('\n');
        }
        double[] perChar = new double[3];
        int[] lengths = {10_000, 100_000, 1_000_000};
        double[] times = new double[3];
        for (int k = 0; k < lengths.length; k++) {
            String text = repeatTo(all.toString(), lengths[k]);
            int runs = Math.max(3, 3_000_000 / lengths[k]);
            double[] t = new double[runs];
            for (int i = 0; i < 2; i++) {
                parse(rules, text);
            }
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                parse(rules, text);
                t[i] = ms(System.nanoTime() - a);
            }
            times[k] = pct(t, runs, 50);
            perChar[k] = times[k] * 1000 / lengths[k];
            System.out.printf("parse %,9d chars: p50 %8.1f ms (%.2f µs/char, %d runs)  [%s]%n", lengths[k], times[k], perChar[k], runs, load());
        }
        double ratio = times[2] / times[0];
        System.out.printf("parse 1M / 10k: %.0f× (linear would be 100×); target ≤ 100×: %s%n", ratio, ratio <= 100 ? "met" : "MISSED");
    }

    private static void parse(RuleSet rules, String text) {
        Deadline.in(Duration.ofMinutes(5)).run(() -> rules.parser().parse(text));
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(unit, 0, Math.min(unit.length(), length - sb.length()));
        }
        return sb.toString();
    }

    private static void reload(Map<String, String> files) throws Exception {
        int reloads = 3;
        long r0 = System.nanoTime();
        for (int i = 0; i < reloads; i++) {
            Map<String, String> changed = new java.util.TreeMap<>(files);
            changed.put("data/settings.csv", files.get("data/settings.csv") + "\n# reload " + i + "\n");
            RuleSetCompiler.compile(changed);
        }
        double recompile = ms(System.nanoTime() - r0) / reloads;
        // A saved rule file goes live after the watcher's quiet period and one recompile; ServiceBenchmark measures
        // the same on the running service.
        Duration quiet = quietPeriod();
        long c0 = System.nanoTime();
        RuleSet compiled = RuleSetCompiler.compileWithoutExamples(files);
        long c1 = System.nanoTime();
        RuleSetCompiler.runExamples(compiled);
        long c2 = System.nanoTime();
        System.out.printf("recompile incl. examples: %.0f ms each over %d reloads (compiling %.0f ms, the %d examples %.0f ms);"
                        + " quiet period %d ms + recompile = %.0f ms, target %d ms: %s  [%s]%n",
                recompile, reloads, ms(c1 - c0), compiled.examples().size(), ms(c2 - c1), quiet.toMillis(),
                quiet.toMillis() + recompile, RELOAD_TARGET.toMillis(),
                quiet.toMillis() + recompile <= RELOAD_TARGET.toMillis() ? "met" : "MISSED", load());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after %d reloads and GC: %d MB%n", reloads, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** {@code checker.rules.quiet-period} as application.properties sets it ("100ms", "2s"). */
    private static Duration quietPeriod() throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources/application.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String v = p.getProperty("checker.rules.quiet-period").trim();
        return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
    }

    /** The machine's load average, to read every figure against. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "load unknown";
        }
    }

    static double ms(long nanos) { return nanos / 1e6; }

    static double pct(double[] values, int n, int p) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, n * p / 100)];
    }
}
