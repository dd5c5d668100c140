package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tijian.rules.safety.SourceGate;

/**
 * The rule sandbox: no rule file, however written, runs code outside the fact model and the rule helpers. Every
 * case is compiled as the rules folder, an upload, validate and test all do ({@link RuleSetCompiler#compile}),
 * with an example that makes the rule fire; it must be refused at the line that reaches out, and the file the
 * rule tries to create must never appear.
 */
class RuleSandboxTest {
    @TempDir
    Path tmp;

    /** A rule set holding the demo items and one more rule, "sandbox.case", whose example fires it. */
    static Map<String, String> withRule(String header, String when, String then) {
        String drl = RuleSetCompilerTest.DRL.replace("import tijian.rules.*;\n", "import tijian.rules.*;\n" + header + "\n") + """

                rule "sandbox.case"
                    @item("sandbox.case") @title("试验") @category("meta") @severity("advisory") @weight(1) @advice("无") @basis("测试用依据")
                when
                    %s
                then
                    %s
                    insert(Finding.pass(kcontext, "ok"));
                end
                """.formatted(when, then);
        Map<String, String> files = RuleSetCompilerTest.files(drl);
        files.put("demo.examples.txt", "=== sandbox.case PASS\n关于2025年法治政府建设情况的报告\n");
        return files;
    }

    private static int lineOf(String text, String token) {
        int at = text.indexOf(token);
        assertTrue(at >= 0, "test case lacks " + token);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private void assertRefused(Map<String, String> files, String token, String mentions, Path marker) {
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files),
                "the rule set must be refused");
        String drl = files.get("demo.drl");
        int line = lineOf(drl, token);
        List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
        assertTrue(errors.stream().anyMatch(p -> p.file().equals("demo.drl") && p.line() == line && p.message().contains(mentions)),
                "expected a refusal at demo.drl:" + line + " mentioning " + mentions + ", got:\n" + e.getMessage());
        assertFalse(Files.exists(marker), "the rule ran: " + marker + " was created");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Runtime.exec           | Runtime.getRuntime().exec(new String[] {"touch", "MARKER"});                 | Runtime  | java.lang.Runtime
            ProcessBuilder         | new ProcessBuilder("touch", "MARKER").start();                              | Process  | java.lang.ProcessBuilder
            Files by full name     | java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "x");      | java.nio | java.nio.file.Files
            FileWriter             | new java.io.FileWriter("MARKER").close();                                   | java.io  | java.io.FileWriter
            System.getenv          | String home = System.getenv("HOME");                                        | System   | java.lang.System
            System.exit            | System.exit(3);                                                             | System   | java.lang.System
            Thread.sleep           | Thread.sleep(40000);                                                        | Thread   | java.lang.Thread
            Class.forName          | Class.forName("java.lang.Runtime");                                         | Class    | forName
            getClass().getMethods  | Object m = "".getClass().getMethods();                                      | getClass | getClass
            java.net.URL           | new java.net.URL("http://127.0.0.1/MARKER").openStream();                   | java.net | java.net.URL
            method reference       | java.util.function.Supplier<Object> s = Runtime::getRuntime; s.get();       | Runtime  | java.lang.Runtime
            unicode-escaped name   | \\u0052untime.getRuntime().exec(new String[] {"touch", "MARKER"});           | untime   | java.lang.Runtime
            """)
    void aConsequenceThatReachesOutIsRefused(String name, String code, String token, String mentions) {
        Path marker = tmp.resolve("marker");
        Map<String, String> files = withRule("", "Report()", code.replace("MARKER", marker.toString()));
        assertRefused(files, token, mentions, marker);
    }

    @Test
    void anEvalThatReachesOutIsRefused() {
        Path marker = tmp.resolve("marker");
        assertRefused(withRule("", "Report()\n    eval(java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(\"" + marker + "\")))", ""),
                "eval(", "java.nio.file.Files", marker);
    }

    @Test
    void aConstraintThatReachesOutIsRefused() {
        assertRefused(withRule("", "Report(java.lang.Runtime.getRuntime() != null)", ""), "java.lang.Runtime", "java.lang.Runtime",
                tmp.resolve("marker"));
    }

    @Test
    void aFromThatReachesOutIsRefused() {
        assertRefused(withRule("", "Report()\n    $p : Object() from java.nio.file.Files.list(java.nio.file.Path.of(\"/\"))", ""),
                "java.nio", "java.nio.file.Files", tmp.resolve("marker"));
    }

    @Test
    void metadataThatReachesOutIsRefused() {
        // Drools evaluates metadata with MVEL while it builds (RuleBuilder.buildMetaAttributes → MVELExecutor.eval)
        Path marker = tmp.resolve("marker");
        Map<String, String> files = withRule("", "Report()", "");
        files.put("demo.drl", files.get("demo.drl").replace("@advice(\"无\")",
                "@advice(\"无\") @x(java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\"))"));
        assertRefused(files, "@x(", "java.lang.Runtime", marker);
    }

    @Test
    void aFunctionThatReachesOutIsRefused() {
        Path marker = tmp.resolve("marker");
        Map<String, String> files = withRule("""
                function void touch(String name) {
                    new java.io.File(name).createNewFile();
                }""", "Report()", "touch(\"" + marker + "\");");
        assertRefused(files, "java.io.File", "java.io.File", marker);
    }

    @Test
    void mvelDialectIsRefused() {
        Map<String, String> files = withRule("", "Report()", "");
        files.put("demo.drl", files.get("demo.drl").replace("when\n    Report()\nthen\n    \n",
                "dialect \"mvel\"\nwhen\n    Report()\nthen\n    \n"));
        assertRefused(files, "dialect \"mvel\"", "dialect must be java", tmp.resolve("marker"));
    }

    @Test
    void aDeclaredThreadIsRefused() {
        Map<String, String> files = withRule("declare Worker extends Thread\nend", "Report()", "new Worker().start();");
        assertRefused(files, "declare Worker", "Thread", tmp.resolve("marker"));
    }

    @Test
    void aConsequenceThatClosesItsMethodToAddAnInitializerIsRefused() {
        // the initializer would run while Drools builds, before the bytecode gate sees the class
        Map<String, String> files = withRule("", "Report()", "}\n    static { int x = 1; }\n    void more() {");
        assertRefused(files, "}\n    static", "may not close a brace", tmp.resolve("marker"));
    }

    @Test
    void aLoopIsRefused() {
        Map<String, String> files = withRule("""
                function int spin(int n) {
                    int i = n;
                    while (i >= 0) { i++; }
                    return i;
                }""", "Report()", "spin(0);");
        assertRefused(files, "while (i", "may not loop", tmp.resolve("marker"));
    }

    @Test
    void mvelStatementsInAConditionAreRefused() {
        assertRefused(withRule("", "Report(title == null; while (true) {})", ""), "while (true)", "not allowed",
                tmp.resolve("marker"));
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAndItsExampleFails() {
        Map<String, String> files = withRule("declare Counter\n    n : int\nend", "$c : Counter()",
                "insert(new Counter($c.getN() + 1));");
        files.put("demo.drl", files.get("demo.drl") + """

                rule "sandbox.seed"
                    @item("sandbox.case")
                when
                    not Counter()
                then
                    insert(new Counter(0));
                end
                """);
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files));
        Problem p = e.problems().get(0);
        assertEquals("demo.examples.txt", p.file(), e.getMessage());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("re-triggering"), p.message());
    }

    @Test
    void aCatastrophicRegexIsStoppedAtTheTimeLimit() {
        Map<String, String> files = withRule("", "$r : Report()\n    $hits : java.util.List() from collect(Span() from $r.find(\"((a+)*)*b\"))", "");
        files.put("demo.examples.txt", "=== sandbox.case PASS\n" + "a".repeat(40) + "\n");
        Duration before = Checker.timeLimit();
        Checker.limitTime(Duration.ofMillis(500));
        try {
            long start = System.nanoTime();
            RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("demo.examples.txt") && p.line() == 1
                    && p.message().contains("did not finish within 500 ms")), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "stopped late");
        } finally {
            Checker.limitTime(before);
        }
        // the thread that ran it carries on with the next check
        assertTrue(TestRules.check("关于2025年法治政府建设情况的报告").items().size() > 0);
    }

    @Test
    void endlessRecursionFailsTheCheckCleanly() {
        Map<String, String> files = withRule("function int deep(int n) { return deep(n + 1) + 1; }", "Report()\n    eval(deep(0) > 0)", "");
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("demo.examples.txt") && p.message().contains("calls itself")),
                e.getMessage());
    }

    @Test
    void theBundledRuleBookPassesBothGates() {
        for (var f : TestRules.files().entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                assertEquals(List.of(), SourceGate.check(f.getKey(), f.getValue(), getClass().getClassLoader()), f.getKey());
            }
        }
        try {
            RuleSet rules = RuleSetCompiler.compile(TestRules.files());
            assertTrue(rules.warnings().stream().noneMatch(w -> w.message().contains("sandbox")));
        } catch (RuleSetRejected e) {
            fail("the bundled rules are refused:\n" + e.getMessage());
        }
    }

    @Test
    void theGoodCaseCompiles() throws Exception {
        // the harness itself: without a forbidden call, the same rule set is accepted and its example passes
        RuleSetCompiler.compile(withRule("", "Report()", "String s = \"Runtime\"; // Runtime.getRuntime()"));
    }
}
