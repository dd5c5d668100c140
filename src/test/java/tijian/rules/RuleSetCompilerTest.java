package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tijian.report.Report;

/** The compiler on small hand-written rule sets: items, findings, folding, and error positions. */
class RuleSetCompilerTest {
    static final String SETTINGS = """
            name,value
            grade.excellent-from,90
            grade.good-from,75
            grade.pass-from,60
            grade.cap-with-mandatory-failure,合格
            grade.fail-at-mandatory-failures,3
            """;

    static final String DRL = """
            package demo;
            import tijian.report.*;
            import tijian.rules.*;

            rule "demo.title"
                @item("demo.title") @title("标题") @category("meta") @severity("mandatory") @weight(4) @advice("写上标题") @basis("测试用依据")
            when
                Report(title == null)
            then
                insert(Finding.fail(kcontext, "没有标题"));
            end

            rule "demo.long"
                @item("demo.long") @title("篇幅") @category("meta") @severity(advisory) @weight(1) @advice("多写一点") @basis("测试用依据")
            when
                $r : Report(text.length() < 10)
            then
                insert(Finding.warn(kcontext, "太短", new Span(0, $r.getText().length())));
            end
            """;

    static Map<String, String> files(String drl) {
        Map<String, String> files = new HashMap<>();
        files.put("demo.drl", drl);
        files.put("data/settings.csv", SETTINGS);
        files.put("data/parts.csv", "part,pattern,unless,note\n");
        files.put("data/terms.csv", "list,term\n");
        files.put("data/canonical-titles.csv", "title,document_number\n");
        files.put("data/coverage.csv", "id,title,keywords,weight,advice,basis\ncoverage.demo,普法,普法|宣传,2,写普法,测试用依据\n");
        return files;
    }

    @Test
    void compilesItemsAndFoldsFindings() throws Exception {
        RuleSet rules = RuleSetCompiler.compile(files(DRL));
        assertEquals(java.util.List.of("demo.title", "demo.long", "coverage.demo"), java.util.List.copyOf(rules.items().keySet()));
        Item title = rules.items().get("demo.title");
        assertEquals(Severity.MANDATORY, title.severity());
        assertEquals(4, title.weight());
        assertEquals("demo.drl", title.file());
        assertEquals(5, title.line());

        Checklist checklist = Checker.check(Report.builder("普法短文").build(), rules);
        Map<String, ChecklistItem> byId = new HashMap<>();
        checklist.items().forEach(i -> byId.put(i.id(), i));
        assertEquals(Status.FAIL, byId.get("demo.title").status());
        assertEquals(Status.WARN, byId.get("demo.long").status());
        assertEquals("普法短文", byId.get("demo.long").evidence().get(0).quote());
        assertEquals(Status.PASS, byId.get("coverage.demo").status());
        assertEquals("demo.title", checklist.items().get(0).id(), "failures come first");
        // weights 4 (FAIL) + 1 (WARN, half) + 2 (PASS) → 2.5 / 7
        assertEquals(35.7, checklist.score(), 0.001);
        assertEquals(Grade.FAIL, checklist.grade());
    }

    @Test
    void revisionFollowsContent() {
        Map<String, String> a = files(DRL);
        Map<String, String> b = files(DRL + "\n");
        assertNotEquals(RuleSetCompiler.revisionOf(a), RuleSetCompiler.revisionOf(b));
        assertEquals(RuleSetCompiler.revisionOf(a), RuleSetCompiler.revisionOf(new HashMap<>(a)));
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        String broken = DRL.replace("Report(title == null)", "Report(title == )");
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files(broken)));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("demo.drl", p.file());
        assertEquals(8, p.line(), p.toString());
    }

    @Test
    void errorInConsequencePointsAtTheStatement() {
        String broken = DRL.replace("insert(Finding.fail(kcontext, \"没有标题\"));",
                "String x = \"\";\n        insert(Finding.fial(kcontext, \"没有标题\"));");
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files(broken)));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("demo.drl", p.file());
        assertEquals(11, p.line(), p.toString());
        assertTrue(p.column() > 1, p.toString());
    }

    @Test
    void anItemWithoutALegalBasisIsRefusedWithFileAndLine() {
        RuleSetRejected e = assertThrows(RuleSetRejected.class,
                () -> RuleSetCompiler.compile(files(DRL.replace(" @basis(\"测试用依据\")\nwhen\n    $r", "\nwhen\n    $r"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.isError() && p.file().equals("demo.drl") && p.line() == 13
                && p.message().contains("@basis")), e.getMessage());

        Map<String, String> noBasisColumn = files(DRL);
        noBasisColumn.put("data/coverage.csv", "id,title,keywords,weight,advice,basis\ncoverage.demo,普法,普法|宣传,2,写普法,\n");
        RuleSetRejected row = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(noBasisColumn));
        assertTrue(row.problems().stream().anyMatch(p -> p.file().equals("data/coverage.csv") && p.line() == 2
                && p.message().contains("basis")), row.getMessage());
    }

    @Test
    void undeclaredItemIsRejected() {
        String extra = DRL + """

                rule "demo.stray"
                    @item("demo.nowhere")
                when
                    Report()
                then
                end
                """;
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(files(extra)));
        assertTrue(e.getMessage().contains("demo.nowhere"), e.getMessage());
    }

    @Test
    void failingExampleRejectsTheSet() {
        Map<String, String> f = files(DRL);
        f.put("demo.examples.txt", "=== demo.long PASS\n短\n=== demo.long WARN 短\n短\n");
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("demo.examples.txt", e.problems().get(0).file());
        assertEquals(1, e.problems().get(0).line());
    }

    @Test
    void aSettingReadAsANumberThatIsNotOneIsRefusedWithItsLine() {
        Map<String, String> f = files(DRL + """

                rule "demo.threshold"
                    @item("demo.long")
                when
                    Setting(name == "demo.min-chars", $min : number)
                    $r : Report(text.length() < $min)
                then
                    insert(Finding.warn(kcontext, "太短"));
                end
                """);
        f.put("data/settings.csv", SETTINGS + "demo.min-chars,100%\n");
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("data/settings.csv", p.file(), p.toString());
        assertEquals(7, p.line(), p.toString());
        assertTrue(p.message().contains("demo.min-chars") && p.message().contains("100%") && p.message().contains("demo.drl:24"), p.toString());

        f.put("demo.drl", f.get("demo.drl").replace("$min : number)", "number > 0, $min : value)")
                .replace("text.length() < $min", "text.length() < 10"));
        Problem compared = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f)).problems().get(0);
        assertEquals("data/settings.csv:7", compared.file() + ":" + compared.line(), compared.toString());

        f.put("data/settings.csv", SETTINGS);
        Problem missing = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f)).problems().get(0);
        assertEquals("demo.drl", missing.file(), missing.toString());
        assertEquals(24, missing.line(), missing.toString());
    }

    @Test
    void aScoringSettingThatIsNotANumberNamesItsLine() {
        Map<String, String> f = files(DRL);
        f.put("data/settings.csv", SETTINGS.replace("grade.good-from,75", "grade.good-from,七十五"));
        Problem p = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f)).problems().get(0);
        assertEquals("data/settings.csv", p.file());
        assertEquals(3, p.line(), p.toString());
    }

    @Test
    void aBadPartWordingNamesItsLineAndTheOthersToo() {
        Map<String, String> f = files(DRL);
        f.put("data/parts.csv", "part,pattern,unless,note\n# a comment\nSHORTCOMINGS,不足(,,\nNO_SUCH_PART,打算,,\n");
        var problems = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(f)).problems();
        assertEquals(java.util.List.of("data/parts.csv:3", "data/parts.csv:4"),
                problems.stream().map(p -> p.file() + ":" + p.line()).toList(), problems.toString());
    }

    @Test
    void onlyRulesThatJudgeAnItemAreListedUnderIt() {
        // A rule that only prepares facts (no Finding in its consequence) shown under an item misleads authors.
        RuleSet rules = TestRules.rules();
        rules.rulesByItem().forEach((item, refs) -> refs.forEach(ref -> {
            String drl = rules.files().get(ref.file());
            int at = drl.indexOf("rule \"" + ref.name() + "\"");
            String body = drl.substring(at, drl.indexOf("\nend", at));
            assertTrue(body.contains("Finding."), ref + " is listed under " + item + " but reports no finding");
        }));
    }
}
