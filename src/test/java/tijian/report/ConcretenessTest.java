package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which sentences state a concrete fact, and how each part and the whole report measure. */
class ConcretenessTest {
    private static final String GUANBA = "重庆市綦江区关坝镇人民政府";

    @Test
    void slogansStateNoFact() {
        for (String s : List.of("镇党委、政府高度重视法治政府建设，坚持以习近平法治思想为指导，扎实推进各项工作。",
                "深入贯彻落实市委、区委决策部署，全面提升依法行政水平。",
                "坚持街道领导集体议事，重大行政决策由街道领导集体讨论决定。",
                "积极开展法律进社区、进学校等活动，深入社区开展普法宣传。",
                "推进城乡融合，组织律师送法下乡，服务乡村振兴大局。",
                "示范区创建取得新成效，在全区形成良好格局。")) {
            assertFalse(ConcreteSentences.statesFact(s, GUANBA), s);
        }
    }

    @Test
    void figuresDatesPlacesAndBodiesAreFacts() {
        for (String s : List.of("全年开展专题学习11次。", "于十月一日起施行新的执法公示制度。",
                "在石门乡开展“法律进乡村”活动，与天河区联合开展执法培训。",
                "学习借鉴广东省广州市的经验，推行“一支队伍管执法”。",
                "邀请区司法局、区法院专家开展执法培训。", "整合派出所、司法所等力量。",
                "綦江区人民政府将关坝镇列为试点。")) {
            assertTrue(ConcreteSentences.statesFact(s, "石门镇人民政府"), s);
        }
    }

    @Test
    void theReportersOwnPlacesAreNoFact() {
        String s = "在关坝镇党委的坚强领导下，綦江区人民政府统筹推进。";
        assertFalse(ConcreteSentences.statesFact(s, GUANBA));
        assertTrue(ConcreteSentences.statesFact(s, "石门镇人民政府"));
    }

    private static final String SLOGANS = """
            石门镇人民政府关于2025年法治政府建设情况的报告
            一、主要举措和成效
            （一）强化理论武装，筑牢思想根基
            镇党委、政府高度重视法治政府建设，坚持以习近平法治思想为指导，扎实推进各项工作。
            始终把法治建设摆在突出位置，层层压实责任，形成了齐抓共管的良好局面。
            全年开展专题学法11次，组织法治培训40场次。依法行政水平不断提升。
            依据《重庆市行政执法监督条例》开展执法监督。
            二、存在的不足和原因
            法治宣传针对性不强。
            三、下一年度主要安排
            2026年开展法治培训不少于4次。
            """;

    @Test
    void eachPartAndTheWholeReportAreMeasured() {
        Report r = Fixtures.parse(SLOGANS);
        Concreteness results = of(r, Part.MEASURES_RESULTS);
        // four body lines, five sentences; the heading （一） is not counted; the citation and the figures are facts
        assertEquals(5, results.getSentences());
        assertEquals(2, results.getConcrete());
        assertEquals(3, results.getEmpty());
        assertEquals(60.0, results.getEmptyPercent());
        // the two slogan lines lead; the line half of which is a figure is the third; the cited line is not empty
        assertEquals(List.of("镇党委、政府高度重视", "始终把法治建设摆在突", "全年开展专题学法11"),
                results.getEmptiest().stream().map(s -> r.quote(s).substring(0, 10)).toList());
        assertEquals("一、主要举措和成效", r.quote(results));

        Concreteness shortcomings = of(r, Part.SHORTCOMINGS);
        assertEquals(100.0, shortcomings.getEmptyPercent());
        assertEquals(0.0, of(r, Part.NEXT_YEAR_PLAN).getEmptyPercent());

        Concreteness whole = r.getConcreteness().get(r.getConcreteness().size() - 1);
        assertTrue(whole.isWhole());
        assertEquals(7, whole.getSentences());
        assertEquals(3, whole.getConcrete());
        assertEquals(57.1, whole.getEmptyPercent());
    }

    @Test
    void aTextWithoutPartsIsMeasuredOnlyAsAWhole() {
        Report r = Fixtures.parse("高度重视法治政府建设。全年开展专题学法11次。\n");
        assertEquals(1, r.getConcreteness().size());
        Concreteness whole = r.getConcreteness().get(0);
        assertTrue(whole.isWhole());
        assertEquals(2, whole.getSentences());
        assertEquals(1, whole.getConcrete());
        assertEquals(List.of("高度重视法治政府建设。全年开展专题学法11次。"), whole.getEmptiest().stream().map(r::quote).toList());
    }

    @Test
    void partsStartingInsideALineAreMeasuredBySentence() {
        Report r = Fixtures.parse("石门镇人民政府关于2025年法治政府建设情况的报告\n"
                + "一、主要举措和成效。全年开展专题学法11次。高度重视法治建设。二、存在的不足和原因。法治宣传针对性不强。"
                + "三、下一年度主要安排。2026年开展法治培训不少于4次。\n");
        Concreteness results = of(r, Part.MEASURES_RESULTS);
        assertEquals(2, results.getSentences());
        assertEquals(1, results.getConcrete());
        Concreteness shortcomings = of(r, Part.SHORTCOMINGS);
        assertEquals(1, shortcomings.getSentences());
        assertEquals(List.of("法治宣传针对性不强。"), shortcomings.getEmptiest().stream().map(r::quote).toList());
    }

    private static Concreteness of(Report r, Part part) {
        return r.getConcreteness().stream().filter(c -> c.getPart() == part).findFirst().orElseThrow();
    }
}
