package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tijian.testsupport.SampleReports;

/**
 * Proof that each rule is precise: for every item, a small textual change to a real sample report flips that item's
 * status and leaves every other item as it was. Coverage items may move along (a change of wording can add or drop
 * a keyword); a few items depend on another by definition (no part 2 → causes not applicable) and are listed in
 * {@code alsoChanges}, each with the reason.
 */
class SmallChangeTest {

    /** Replace every {@code from} by {@code to} (and each further pair of {@code more}) in the sample. */
    record Change(String item, String sample, Status before, Status after, String from, String to,
                  Set<String> alsoChanges, List<String> more) {
        Change(String item, String sample, Status before, Status after, String from, String to) {
            this(item, sample, before, after, from, to, Set.of(), List.of());
        }
        Change(String item, String sample, Status before, Status after, String from, String to, Set<String> also) {
            this(item, sample, before, after, from, to, also, List.of());
        }
        /** One more replacement, for a change that must touch two places. */
        Change and(String from2, String to2) {
            List<String> m = new ArrayList<>(more);
            m.add(from2);
            m.add(to2);
            return new Change(item, sample, before, after, from, to, alsoChanges, m);
        }
        String apply(String text) {
            String out = text.replace(from, to);
            for (int k = 0; k < more.size(); k += 2) {
                String next = out.replace(more.get(k), more.get(k + 1));
                if (next.equals(out)) {
                    throw new AssertionError("\"" + more.get(k) + "\" is not in " + sample);
                }
                out = next;
            }
            return out;
        }
        @Override public String toString() { return item + ": " + from + " → " + to; }
    }

    private static final String S = SampleReports.SHAPINGBA;
    private static final String G = SampleReports.GUANBA;
    private static final String H = SampleReports.HAITANGXI;
    private static final Status PASS = Status.PASS;
    private static final Status WARN = Status.WARN;
    private static final Status FAIL = Status.FAIL;
    private static final Status NA = Status.NOT_APPLICABLE;

    static final List<Change> CHANGES = List.of(
            new Change("structure.measures-results", H, PASS, FAIL,
                    "一、2023年推进法治政府建设的主要举措和成效", "一、2023年法治政府建设特色亮点"),
            // without part 2 there are no causes to analyse: causes becomes not applicable by definition
            new Change("structure.shortcomings", H, PASS, FAIL,
                    "三、2023年推进法治政府建设存在的不足和原因", "三、2023年法治政府建设的反思",
                    Set.of("structure.causes")),
            new Change("structure.causes", G, FAIL, PASS,
                    "存在重经验、轻程序的现象。", "存在重经验、轻程序的现象，主要原因是学法培训不够系统。"),
            new Change("structure.first-responsible", G, PASS, FAIL,
                    "三、主要负责人履行推进法治建设第一责任人职责情况", "三、领导班子带头推进法治建设情况"),
            // without a plan its year and its targets are not applicable by definition
            new Change("structure.next-year-plan", H, PASS, FAIL,
                    "四、2024年推进法治政府建设的工作思路目标举措", "四、2024年法治政府建设展望",
                    Set.of("plan.target-year", "plan.quantified-targets")),
            new Change("structure.other-matters", H, PASS, WARN, "五、其他需要报告的情况", ""),
            new Change("structure.heading-numbering", G, WARN, PASS, ")、", ")"),
            new Change("disclosure.head-appearance-rate", S, PASS, FAIL, "出庭应诉率100%", "出庭应诉率95%"),
            new Change("disclosure.case-counts", H, PASS, WARN, "行政复议案件1件，", ""),
            new Change("plan.target-year", H, PASS, FAIL, "四、2024年推进", "四、2023年推进"),
            new Change("plan.quantified-targets", H, FAIL, PASS,
                    "一是加强法治理论培训。", "一是加强法治理论培训，全年开展法治培训不少于4次。"),
            new Change("consistency.report-year", S, PASS, FAIL,
                    "三、2025年推进法治政府建设存在的不足和原因", "三、2024年推进法治政府建设存在的不足和原因"),
            new Change("consistency.stated-rates", S, PASS, FAIL,
                    "全年化解行政争议及衍生纠纷15件", "全年受理行政争议及衍生纠纷20件,化解15件"),
            new Change("consistency.percent-range", G, FAIL, PASS, "普法覆盖率达100%以上", "普法覆盖率达100%"),
            new Change("consistency.breakdown-sum", S, PASS, FAIL, "其他纠纷188件", "其他纠纷180件"),
            new Change("citation.canonical-titles", S, WARN, PASS,
                    "《法治政府建设实施纲要(2021—2025)》", "《法治政府建设实施纲要(2021—2025年)》"),
            new Change("format.document-number", S, WARN, PASS, "沙府办发202546号", "沙府办发〔2025〕46号"),
            new Change("format.paired-punctuation", S, WARN, PASS, "结合3·15”", "结合“3·15”")
                    .and("依托12345”", "依托“12345”"),
            new Change("meta.title", G, PASS, FAIL,
                    "\n重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告", "\n关于2025年度法治政府建设情况的报告"),
            new Change("meta.publication-deadline", S, PASS, FAIL, "2026-01-28", "2026-04-15"),
            // the only mentions of 行政复议 include the case count
            new Change("coverage.administrative-review", G, PASS, WARN, "行政复议", "复议",
                    Set.of("disclosure.case-counts")),
            // the only mentions of 行政诉讼/应诉 include the case count that the appearance rate rule reads
            new Change("coverage.administrative-litigation", H, PASS, WARN, "行政诉讼", "诉讼",
                    Set.of("disclosure.case-counts", "disclosure.head-appearance-rate")).and("行政应诉", "应诉"),
            new Change("coverage.loss-rate", H, WARN, PASS, "行政诉讼案件2件。", "行政诉讼案件2件，无败诉案件。"),
            new Change("coverage.three-systems", H, PASS, WARN, "落实行政执法“三项制度”", "落实行政执法制度"),
            new Change("coverage.certified-enforcement", H, PASS, WARN, "持证", ""),
            new Change("coverage.decision-legality-review", S, WARN, PASS, "严格执行重大决策前学法制度", "严格执行重大行政决策前学法制度"),
            new Change("coverage.normative-documents", G, WARN, PASS, "清理不平等政策措施", "清理不平等政策措施和行政规范性文件"),
            new Change("coverage.legal-advisers", S, WARN, PASS, "社区律师", "社区法律顾问"),
            // 法制宣传 (the older name of 普法) counts too since issue 13: the two times this report names it in its
            // shortcomings still say it reports on 普法, so the change must take them out as well to leave none
            new Change("coverage.legal-publicity", H, PASS, WARN, "普法", "宣讲").and("法治宣传", "法治宣讲")
                    .and("法制宣传", "法制宣讲"),
            new Change("coverage.dispute-resolution", H, PASS, WARN, "调解", "疏导").and("矛盾纠纷", "矛盾"),
            new Change("coverage.government-transparency", G, WARN, PASS, "畅通投诉举报渠道", "推进政务公开，畅通投诉举报渠道"),
            new Change("coverage.leaders-report-on-law", G, WARN, PASS, "年度述职内容", "年度述职述法内容"));

    static Stream<Arguments> changes() {
        return CHANGES.stream().map(Arguments::of);
    }

    @Test
    void everyItemHasAChange() {
        Set<String> missing = new TreeSet<>(TestRules.rules().items().keySet());
        CHANGES.forEach(c -> missing.remove(c.item()));
        assertEquals(Set.of(), missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void flipsOnlyItsItem(Change change) {
        String original = SampleReports.text(change.sample());
        String changed = change.apply(original);
        assertNotEquals(original, changed, "\"" + change.from() + "\" is not in " + change.sample());

        Checklist beforeList = TestRules.check(original);
        Checklist afterList = TestRules.check(changed);
        Map<String, Status> before = TestRules.statuses(beforeList);
        Map<String, Status> after = TestRules.statuses(afterList);

        assertEquals(change.before(), before.get(change.item()), "before the change\n" + TestRules.dump(beforeList));
        assertEquals(change.after(), after.get(change.item()), "after the change\n" + TestRules.dump(afterList));
        List<String> moved = new ArrayList<>();
        for (String id : before.keySet()) {
            boolean changedStatus = before.get(id) != after.get(id);
            if (id.equals(change.item()) || id.startsWith("coverage.")) {
                continue;
            }
            if (change.alsoChanges().contains(id)) {
                assertTrue(changedStatus, id + " is listed as depending on the change but did not move");
            } else if (changedStatus) {
                moved.add(id + " " + before.get(id) + " → " + after.get(id));
            }
        }
        assertEquals(List.of(), moved, "other items moved too\n" + TestRules.dump(afterList));
    }
}
