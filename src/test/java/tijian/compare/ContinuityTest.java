package tijian.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tijian.report.Fixtures;
import tijian.report.Report;
import tijian.testsupport.SampleReports;

/** Last year's sample report of 关坝镇 against two next-year reports made from it (src/test/resources/pairs). */
class ContinuityTest {
    static final Report LAST_YEAR = Fixtures.parse(SampleReports.text(SampleReports.GUANBA));
    static final PreviousReport PREVIOUS = new PreviousReport("c-2025", LAST_YEAR);

    static String pair(String name) {
        try (InputStream in = ContinuityTest.class.getResourceAsStream("/pairs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> facts(Report report) {
        return Comparisons.facts(report, Companions.of(PREVIOUS, List.of()));
    }

    static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void eachOfLastYearsTargetsIsMetMissedOrNotReported() {
        Report now = Fixtures.parse(pair("guanba-town-2026.txt"));
        List<TargetKept> kept = of(facts(now), TargetKept.class);
        assertEquals(LAST_YEAR.getTargets().size(), kept.size(), "one fact per target of last year's plan");
        Map<String, TargetKept> byTarget = kept.stream().collect(Collectors.toMap(TargetKept::getTarget, k -> k));

        TargetKept missed = byTarget.get("特殊群体普法覆盖率达100%以上");
        assertEquals(TargetKept.Outcome.MISSED, missed.getOutcome());
        assertEquals("特殊群体普法覆盖率95%", now.quote(missed.getEvidence()));
        assertEquals("c-2025", missed.getEvidence().checkId());
        assertEquals("2025年报告", missed.getEvidence().label());
        assertTrue(missed.getEvidence().quote().contains("特殊群体普法覆盖率达100%以上"), missed.getEvidence().quote());

        TargetKept unreported = byTarget.get("数字执法应用率达100%");
        assertEquals(TargetKept.Outcome.NOT_REPORTED, unreported.getOutcome());
        assertFalse(unreported.hasResult(), "a target never mentioned has nothing in this report to point at");
        assertEquals(-1, unreported.getEvidence().start());
        assertTrue(unreported.getEvidence().quote().contains("数字执法应用率达100%"));

        for (String met : List.of("实现镇村干部学法覆盖率100%", "群众法治知晓率提升至80%", "执法投诉率下降10%", "矛盾纠纷化解率保持90%以上",
                "法治建设群众满意度达90%以上", "开展业务轮训5次", "更新执法设备2台(套)")) {
            assertEquals(TargetKept.Outcome.MET, byTarget.get(met).getOutcome(), met);
            assertEquals(1.0, byTarget.get(met).getConfidence(), met);
        }
        // a monthly target against a yearly count: 每月不少于2次 is 24 a year, and 26 reach it
        TargetKept monthly = byTarget.get("每月开展法治活动不少于2次");
        assertEquals(TargetKept.Outcome.MET, monthly.getOutcome());
        assertEquals("开展法治活动26次", monthly.getResult());
    }

    @Test
    void aWeakMatchIsNeverCertain() {
        Report last = Fixtures.parse("""
                某某街道办事处关于2024年法治政府建设情况的报告
                一、2024年推进法治政府建设的主要举措和成效
                全年开展法治讲座3次。
                二、2025年工作安排
                干部学法覆盖率达到100%，法治讲座不少于4次。
                """);
        Report now = Fixtures.parse("""
                某某街道办事处关于2025年法治政府建设情况的报告
                一、2025年推进法治政府建设的主要举措和成效
                干部普法覆盖率95%，开展法治讲座2次。
                """);
        List<TargetKept> kept = of(Comparisons.facts(now, Companions.of(new PreviousReport("p", last), List.of())), TargetKept.class);
        TargetKept weak = kept.stream().filter(k -> k.getLabel().contains("学法")).findFirst().orElseThrow();
        assertEquals("干部普法覆盖率95%", weak.getResult(), "the candidate is shown");
        assertTrue(weak.getConfidence() > TargetsKept.CANDIDATE_FLOOR && weak.getConfidence() < 0.75,
                "学法 and 普法 share most words but are different measures: " + weak.getConfidence());
        TargetKept sure = kept.stream().filter(k -> k.getLabel().contains("讲座")).findFirst().orElseThrow();
        assertEquals(TargetKept.Outcome.MISSED, sure.getOutcome());
        assertTrue(sure.getConfidence() >= 0.75, "法治讲座 in 开展法治讲座: " + sure.getConfidence());
    }

    @Test
    void labelsMatchByTheirWords() {
        assertEquals(1.0, TargetsKept.confidence("化解率", "化解率"));
        assertTrue(TargetsKept.confidence("化解率", "矛盾纠纷化解率") >= 0.75, "a short label inside a longer one");
        assertTrue(TargetsKept.confidence("数字执法应用率", "执法投诉率下降") < TargetsKept.CANDIDATE_FLOOR);
        assertEquals(0.0, TargetsKept.confidence("", "化解率"));
    }

    @Test
    void shortcomingsWrittenAgainAreFoundWithBothPassages() {
        Report now = Fixtures.parse(pair("guanba-town-2026-repeats.txt"));
        List<RepeatedShortcoming> repeated = of(facts(now), RepeatedShortcoming.class);
        List<String> lastYear = repeated.stream().filter(r -> r.getSimilarity() >= 0.7).map(r -> r.getEvidence().quote()).toList();
        assertTrue(lastYear.stream().anyMatch(q -> q.contains("部分干部法治能力有待提升")), lastYear.toString());
        assertTrue(lastYear.stream().anyMatch(q -> q.contains("普法宣传存在“大水漫灌”情况")), lastYear.toString());
        for (RepeatedShortcoming r : repeated) {
            String thisYear = now.quote(r.getEvidence());
            assertFalse(thisYear.contains("村级法律顾问"), "a new shortcoming is not a repeated one: " + thisYear);
            assertEquals("c-2025", r.getEvidence().checkId());
        }
    }

    @Test
    void aShortcomingRewordedALittleIsStillTheSame() {
        Report now = Fixtures.parse(pair("guanba-town-2026-repeats.txt")
                .replace("少数镇、村两级干部运用法治思维和法治方式解决复杂问题的能力不足", "个别镇村干部运用法治思维和法治方式解决复杂问题的能力仍然不足"));
        RepeatedShortcoming reworded = of(facts(now), RepeatedShortcoming.class).stream()
                .filter(r -> now.quote(r.getEvidence()).startsWith("个别镇村干部")).findFirst().orElseThrow();
        assertTrue(reworded.getSimilarity() >= 0.7 && reworded.getSimilarity() < 1, "similarity " + reworded.getSimilarity());
    }

    @Test
    void newShortcomingsAreNotRepeated() {
        Report now = Fixtures.parse(pair("guanba-town-2026.txt"));
        assertTrue(of(facts(now), RepeatedShortcoming.class).stream().noneMatch(r -> r.getSimilarity() >= 0.7));
        PreviousYear previous = of(facts(now), PreviousYear.class).get(0);
        assertEquals(2025, previous.getYear());
        assertEquals(12, previous.getTargetCount());
    }

    @Test
    void withoutAPreviousReportThereIsNothingToCompare() {
        Report now = Fixtures.parse(pair("guanba-town-2026.txt"));
        assertTrue(continuityFacts(Comparisons.facts(now, Companions.NONE)).isEmpty());
    }

    /** What the comparison with last year gave; the similarity with other units is always there, 0 without them. */
    private static List<Object> continuityFacts(List<Object> facts) {
        facts.stream().filter(Similarity.class::isInstance)
                .forEach(f -> assertEquals(0.0, ((Similarity) f).getShare(), "nothing to compare with, nothing copied"));
        return facts.stream().filter(f -> !(f instanceof Similarity)).toList();
    }

    @Test
    void aReportIsNeverComparedWithItself() {
        assertTrue(continuityFacts(Comparisons.facts(LAST_YEAR, Companions.of(PREVIOUS, List.of()))).isEmpty());
        assertNotNull(LAST_YEAR.getYear());
    }
}
