package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

/** The findings the domain README requires of the three published sample reports, with their evidence. */
class SampleReportsTest {

    private static void expect(Map<String, ChecklistItem> items, String id, Status status, Checklist all) {
        ChecklistItem item = items.get(id);
        assertEquals(status, item.status(), id + ": " + item.message() + "\n--- whole checklist:\n" + TestRules.dump(all));
    }

    private static void quotes(Map<String, ChecklistItem> items, String id, String... expected) {
        List<String> got = items.get(id).evidence().stream().map(ChecklistItem.Evidence::quote).toList();
        for (String q : expected) {
            assertTrue(got.stream().anyMatch(g -> g.contains(q)), id + ": evidence " + got + " does not quote " + q);
        }
    }

    @Test
    void shapingba() {
        Checklist c = TestRules.check(SampleReports.text(SampleReports.SHAPINGBA));
        Map<String, ChecklistItem> i = TestRules.byId(c);
        for (String id : List.of("structure.measures-results", "structure.shortcomings", "structure.causes",
                "structure.first-responsible", "structure.next-year-plan", "disclosure.head-appearance-rate",
                "disclosure.case-counts", "plan.target-year", "plan.quantified-targets", "consistency.report-year",
                "consistency.stated-rates", "consistency.percent-range", "consistency.breakdown-sum", "meta.title",
                "meta.publication-deadline", "structure.heading-numbering", "style.concreteness")) {
            expect(i, id, Status.PASS, c);
        }
        quotes(i, "structure.causes", "原因分析");
        quotes(i, "disclosure.head-appearance-rate", "出庭应诉率100%");
        quotes(i, "plan.target-year", "2026");
        quotes(i, "plan.quantified-targets", "不少于200件", "98%以上");
        quotes(i, "consistency.breakdown-sum", "489件", "188件");
        quotes(i, "meta.publication-deadline", "2026-01-28");

        expect(i, "citation.canonical-titles", Status.WARN, c);
        quotes(i, "citation.canonical-titles", "《法治政府建设实施纲要(2021—2025)》");
        assertTrue(i.get("citation.canonical-titles").message().contains("（2021－2025年）"));
        expect(i, "format.document-number", Status.WARN, c);
        quotes(i, "format.document-number", "沙府办发202546号");
        expect(i, "format.paired-punctuation", Status.WARN, c);
        List<ChecklistItem.Evidence> marks = i.get("format.paired-punctuation").evidence();
        assertEquals(List.of("”", "”"), marks.stream().map(ChecklistItem.Evidence::quote).toList());
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        assertTrue(text.startsWith("3·15”", marks.get(0).start() - 4), "first mark after 3·15");
        assertTrue(text.startsWith("12345”", marks.get(1).start() - 5), "second mark after 12345");
        expect(i, "structure.other-matters", Status.WARN, c);
        assertEquals(Severity.ADVISORY, i.get("structure.other-matters").severity());
    }

    @Test
    void guanba() {
        Checklist c = TestRules.check(SampleReports.text(SampleReports.GUANBA));
        Map<String, ChecklistItem> i = TestRules.byId(c);
        for (String id : List.of("structure.measures-results", "structure.shortcomings", "structure.first-responsible",
                "structure.next-year-plan", "disclosure.head-appearance-rate", "disclosure.case-counts",
                "plan.target-year", "plan.quantified-targets", "consistency.report-year", "consistency.stated-rates",
                "meta.title", "meta.publication-deadline", "citation.canonical-titles", "format.paired-punctuation",
                "style.concreteness")) {
            expect(i, id, Status.PASS, c);
        }
        expect(i, "structure.causes", Status.FAIL, c);
        quotes(i, "structure.causes", "存在的不足和原因");
        quotes(i, "disclosure.head-appearance-rate", "出庭率100%");
        expect(i, "consistency.percent-range", Status.FAIL, c);
        quotes(i, "consistency.percent-range", "特殊群体普法覆盖率达100%以上");
        assertEquals(1, i.get("consistency.percent-range").evidence().size());
        expect(i, "structure.heading-numbering", Status.WARN, c);
        assertEquals(4, i.get("structure.heading-numbering").evidence().size());
        quotes(i, "structure.heading-numbering", "(一)、", "(四)、");
        quotes(i, "plan.target-year", "2026");
        expect(i, "structure.other-matters", Status.WARN, c);
        expect(i, "format.document-number", Status.NOT_APPLICABLE, c);
    }

    @Test
    void haitangxi() {
        Checklist c = TestRules.check(SampleReports.text(SampleReports.HAITANGXI));
        Map<String, ChecklistItem> i = TestRules.byId(c);
        for (String id : List.of("structure.measures-results", "structure.shortcomings", "structure.causes",
                "structure.first-responsible", "structure.next-year-plan", "structure.other-matters",
                "structure.heading-numbering", "disclosure.case-counts", "plan.target-year", "consistency.report-year",
                "consistency.stated-rates", "consistency.percent-range", "consistency.breakdown-sum",
                "citation.canonical-titles", "format.paired-punctuation", "meta.title", "style.concreteness")) {
            expect(i, id, Status.PASS, c);
        }
        quotes(i, "structure.causes", "由于");
        quotes(i, "plan.target-year", "2024");
        expect(i, "disclosure.head-appearance-rate", Status.FAIL, c);
        quotes(i, "disclosure.head-appearance-rate", "行政诉讼案件2件");
        expect(i, "plan.quantified-targets", Status.FAIL, c);
        expect(i, "meta.publication-deadline", Status.NOT_APPLICABLE, c);
        // the thinnest of the three samples: 19 of 68 sentences state a fact, still under the 80% line
        assertTrue(i.get("style.concreteness").message().contains("空泛句占72.1%"), i.get("style.concreteness").message());
    }

    /**
     * The calibration's other direction, on a real report: 关坝镇's part 1 (12.5% empty) rewritten as the slogans such
     * parts are made of. The rest of the report keeps its facts, so the report as a whole is not "almost nothing".
     */
    @Test
    void aResultsPartOfSlogansWarns() {
        String text = SampleReports.text(SampleReports.GUANBA);
        int from = text.indexOf("一、主要举措和成效");
        int to = text.indexOf("二、特色亮点");
        String slogans = """
                一、主要举措和成效

                (一)强化法治思想引领，筑牢思想根基。

                镇党委、政府高度重视法治政府建设，坚持以习近平法治思想为指导，扎实推进各项工作。始终把法治建设摆在突出位置，层层压实责任。

                (二)规范行政行为，提升依法行政水平。

                严格落实重大行政决策程序，依法行政水平不断提升。深化行政执法规范化建设，执法质效明显增强。

                (三)夯实基层治理，筑牢法治保障。

                完善基层治理体系，推动法治服务与网格治理深度融合，群众法治意识明显增强，法治氛围日益浓厚。

                """;
        Checklist c = TestRules.check(text.substring(0, from) + slogans + text.substring(to));
        Map<String, ChecklistItem> i = TestRules.byId(c);
        expect(i, "style.concreteness", Status.WARN, c);
        assertTrue(i.get("style.concreteness").message().contains("占100%"), i.get("style.concreteness").message());
        quotes(i, "style.concreteness", "高度重视法治政府建设");
    }

    @Test
    void gradesFollowTheFindings() {
        Checklist shapingba = TestRules.check(SampleReports.text(SampleReports.SHAPINGBA));
        Checklist guanba = TestRules.check(SampleReports.text(SampleReports.GUANBA));
        Checklist haitangxi = TestRules.check(SampleReports.text(SampleReports.HAITANGXI));
        assertEquals(0, (int) shapingba.counts().get(Status.FAIL), TestRules.dump(shapingba));
        // two mandatory failures each: capped at 合格 (or below)
        assertNotEquals(Grade.EXCELLENT, guanba.grade());
        assertNotEquals(Grade.GOOD, guanba.grade());
        assertNotEquals(Grade.EXCELLENT, haitangxi.grade());
        assertTrue(shapingba.score() > guanba.score(), shapingba.score() + " vs " + guanba.score());
    }
}
