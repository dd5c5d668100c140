package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The project's rules with edited data tables: rows declare items, and what a rule names in a table must be there. */
class RuleDataTablesTest {
    private static final String OWN_PLAN = "NEXT_YEAR_PLAN,structure.plan-own-heading,下一年度安排单列,advisory,1,yes,"
            + "将下一年度安排单列为一级标题。,《法治政府建设与责任落实督察工作规定》\n";
    private static final String OWN_PLAN_MESSAGES = """
            structure.plan-own-heading.found,下一年度安排已单列：{heading}
            structure.plan-own-heading.below-top-level,下一年度安排只是下级标题“{heading}”。
            structure.plan-own-heading.missing,没有下一年度安排。
            """;
    private static final String HEAD = "某某镇人民政府关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年开展普法活动20场次。\n";

    private static Map<String, String> withOwnPlanRow(boolean messages) {
        Map<String, String> files = TestRules.files();
        files.merge("data/required-parts.csv", OWN_PLAN, String::concat);
        if (messages) {
            files.merge("data/messages.csv", OWN_PLAN_MESSAGES, String::concat);
        }
        return files;
    }

    private static ChecklistItem judge(RuleSet rules, String text) {
        Checklist c = Checker.check(rules.parser().parse(text), rules);
        return c.items().stream().filter(i -> i.id().equals("structure.plan-own-heading")).findFirst().orElseThrow();
    }

    @Test
    void aRowOfRequiredPartsIsAnItemJudgedLikeTheOthers() throws Exception {
        RuleSet rules = RuleSetCompiler.compile(withOwnPlanRow(true));
        Item item = rules.items().get("structure.plan-own-heading");
        assertEquals("下一年度安排单列", item.title());
        assertEquals("structure", item.category());
        assertEquals(Severity.ADVISORY, item.severity());
        assertEquals(1, item.weight());
        assertEquals("data/required-parts.csv", item.file());
        assertTrue(rules.data().requiredParts().stream().anyMatch(p -> p.getItem().equals(item.id())
                && p.getBasis().equals("《法治政府建设与责任落实督察工作规定》")));

        ChecklistItem own = judge(rules, HEAD + "二、2026年工作计划\n开展普法活动不少于20场次。\n");
        assertEquals(Status.PASS, own.status(), own.message());
        assertEquals("下一年度安排已单列：二、2026年工作计划", own.message());

        ChecklistItem below = judge(rules, HEAD + "（一）2026年工作计划\n开展普法活动不少于20场次。\n");
        assertEquals(Status.WARN, below.status(), below.message());
        assertEquals("下一年度安排只是下级标题“（一）2026年工作计划”。", below.message());

        // An advisory part that is missing warns; a mandatory one fails (structure.next-year-plan, same text).
        Checklist none = Checker.check(rules.parser().parse(HEAD), rules);
        Map<String, ChecklistItem> byId = TestRules.byId(none);
        assertEquals(Status.WARN, byId.get("structure.plan-own-heading").status());
        assertEquals("没有下一年度安排。", byId.get("structure.plan-own-heading").message());
        assertEquals(Status.FAIL, byId.get("structure.next-year-plan").status());

        assertFalse(TestRules.rules().items().containsKey("structure.plan-own-heading"), "the project's rules lack the row");
        assertEquals(List.of("required part: found", "required part: only below the top level", "required part: missing"),
                rules.rulesByItem().get("structure.plan-own-heading").stream().map(ItemCatalog.RuleRef::name).toList(),
                "the rules that judge the rows are listed under each row's item");
    }

    @Test
    void aRequiredPartWithoutItsMessagesIsRefusedAtItsRow() {
        Map<String, String> files = withOwnPlanRow(false);
        int line = (int) files.get("data/required-parts.csv").lines().count();
        List<Problem> problems = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compileWithoutExamples(files))
                .problems().stream().filter(Problem::isError).toList();
        assertEquals(3, problems.size(), problems.toString());
        problems.forEach(p -> {
            assertEquals("data/required-parts.csv", p.file(), p.toString());
            assertEquals(line, p.line(), p.toString());
        });
        assertTrue(problems.get(2).message().contains("structure.plan-own-heading.below-top-level"), problems.toString());
    }

    @Test
    void aWordListOrMessageNoTableDefinesIsRefusedWhereTheRuleNamesIt() {
        Map<String, String> files = TestRules.files();
        String drl = files.get("structure.drl");
        int termLine = lineOf(drl, "TermList(name == \"cause-markers\"");
        int messageLine = lineOf(drl, "\"structure.causes.no-part\"");
        files.put("structure.drl", drl.replace("TermList(name == \"cause-markers\"", "TermList(name == \"cause-marker\"")
                .replace("\"structure.causes.no-part\"", "\"structure.causes.no-such-message\""));
        List<Problem> problems = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compileWithoutExamples(files)).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("structure.drl") && p.line() == termLine
                && p.message().contains("\"cause-marker\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("structure.drl") && p.line() == messageLine
                && p.message().contains("structure.causes.no-such-message")), problems.toString());
    }

    @Test
    void aProjectSettingThatIsNotANumberIsRefusedWithItsLine() {
        Map<String, String> files = TestRules.files();
        String settings = files.get("data/settings.csv");
        int line = lineOf(settings, "head-appearance.required-rate,");
        files.put("data/settings.csv", settings.replace("head-appearance.required-rate,100,", "head-appearance.required-rate,100%,"));
        Problem p = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compileWithoutExamples(files)).problems().get(0);
        assertEquals("data/settings.csv", p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains("100%") && p.message().contains("disclosure.drl:"), p.toString());
    }

    @Test
    void aSettingThatIsNotANumberNeverReadsAsNaN() {
        // The compiler refuses the reads it can see; one it cannot (in a consequence) fails loudly instead of passing.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Setting("x.rate", "100%", 4).getNumber());
        assertTrue(e.getMessage().contains("data/settings.csv:4") && e.getMessage().contains("100%"), e.getMessage());
        assertEquals(0.5, new Setting("x.tolerance", " 0.5 ").getNumber());
    }

    @Test
    void aRuleQuotedInACommentReadsNothing() throws Exception {
        Map<String, String> files = TestRules.files();
        files.merge("structure.drl", "\n// TermList(name == \"no-such-list\") and Setting(name == \"no-such-setting\", $v : number)\n",
                String::concat);
        RuleSetCompiler.compileWithoutExamples(files);
    }

    @Test
    void messagesFillTheirPlacesAndRefuseMissingOnes() {
        Messages m = new Messages(Map.of("a.b", "“{marker}”{defect}", "t.x", "叉"));
        assertEquals("“（一）”序号跳号", m.format("a.b", "marker", "（一）", "defect", "序号跳号"));
        assertEquals("叉", m.nameOf("t", "x"));
        assertEquals("y", m.nameOf("t", "y"));
        assertThrows(IllegalArgumentException.class, () -> m.format("a.b", "marker", "（一）"));
        assertThrows(IllegalArgumentException.class, () -> m.format("a.c"));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
