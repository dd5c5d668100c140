package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets, breakdowns, citations and document numbers on small hand-made texts. */
class FiguresUnitsTest {

    private static Section plan(String text, int start, int index) {
        return new Section(index, HeadingStyle.CHINESE, "四、", 4, "工作打算", start, start + 6, text.length(), -1, true,
                EnumSet.of(Part.NEXT_YEAR_PLAN), List.of());
    }

    @Test
    void targetsOnlyInsidePlanWithYear() {
        String text = "一、成效\n全年调解纠纷300件。\n四、2026年工作打算\n全年化解纠纷不少于200件，化解率98%以上。";
        int p = text.indexOf("四、");
        Section s1 = new Section(0, HeadingStyle.CHINESE, "一、", 1, "成效", 0, 4, p, -1, true,
                EnumSet.of(Part.MEASURES_RESULTS), List.of());
        List<Section> sections = List.of(s1, plan(text, p, 1));
        List<Metric> ms = MetricExtractor.extract(text, sections, List.of());
        List<Target> ts = Targets.extract(text, sections, ms);
        assertEquals(2, ts.size(), ts::toString);
        assertEquals(2026, ts.get(0).getYear());
        assertEquals(200, ts.get(0).getMetric().getValue());
        assertEquals(Bound.AT_LEAST, ts.get(0).getMetric().getComparator());
        assertEquals(98, ts.get(1).getMetric().getValue());
        assertEquals(1, ts.get(1).getMetric().getSection());
    }

    @Test
    void targetsWithoutYearAndPastFiguresLeftOut() {
        String text = "四、下一步工作打算\n对照2025年化解纠纷300件的成绩，明年化解纠纷不少于350件。截至目前已培训50人。";
        List<Section> sections = List.of(plan(text, 0, 0));
        List<Metric> ms = MetricExtractor.extract(text, sections, List.of());
        assertEquals(3, ms.size(), ms::toString);
        List<Target> ts = Targets.extract(text, sections, ms);
        // known limitation: the first 20XX年 in the part is taken as the plan year even when it is a past year
        assertEquals(2025, ts.get(0).getYear());
        assertTrue(ts.stream().noneMatch(t -> t.getMetric().getValue() == 50), ts::toString);

        String text2 = "四、2026年工作打算\n在2025年化解纠纷300件的基础上，化解纠纷不少于350件。";
        List<Section> s2 = List.of(plan(text2, 0, 0));
        List<Target> ts2 = Targets.extract(text2, s2, MetricExtractor.extract(text2, s2, List.of()));
        assertEquals(List.of(350.0), ts2.stream().map(t -> t.getMetric().getValue()).collect(Collectors.toList()));

        String text3 = "四、工作打算\n开展培训5次。";
        List<Section> s3 = List.of(plan(text3, 0, 0));
        List<Target> ts3 = Targets.extract(text3, s3, MetricExtractor.extract(text3, s3, List.of()));
        assertEquals(1, ts3.size());
        assertEquals(0, ts3.get(0).getYear());
        assertEquals(List.of(), Targets.extract(text3, List.of(), MetricExtractor.extract(text3, s3, List.of())));
    }

    @Test
    void breakdownWithCueInNextSentenceAndBaoKuo() {
        String text = "全年受理案件120件。其中行政复议案件20件、行政诉讼案件100件。";
        List<Breakdown> bs = Breakdowns.find(text, MetricExtractor.extract(text, List.of(), List.of()));
        assertEquals(1, bs.size());
        assertEquals(120, bs.get(0).getTotal().getValue());
        assertEquals(120, bs.get(0).getPartsSum(), 1e-9);

        String text2 = "开展活动30场，包括讲座10场、展览5场，覆盖600余人次。";
        List<Breakdown> bs2 = Breakdowns.find(text2, MetricExtractor.extract(text2, List.of(), List.of()));
        assertEquals(1, bs2.size(), bs2::toString);
        assertEquals(2, bs2.get(0).getParts().size());
        assertEquals(15, bs2.get(0).getPartsSum(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "累计开展行政执法检查2800余次,其中查处违法行为4000余起。",
            "调解纠纷50件，其中成功48件。",
            "调解纠纷50件。上半年工作顺利。下半年也很好。其中邻里纠纷20件、家庭纠纷30件。",
            "其中邻里纠纷20件、家庭纠纷30件。"})
    void notBreakdowns(String text) {
        assertEquals(List.of(), Breakdowns.find(text, MetricExtractor.extract(text, List.of(), List.of())));
    }

    @Test
    void citations() {
        String text = "落实《法治政府建设实施纲要（2021－2025年）》和《关于〈中华人民共和国宪法〉的学习提纲》，"
                + "《》空的，《没有闭合\n《中华人民共和国行政诉讼法》"
                + "《" + "很".repeat(81) + "》";
        List<Citation> cs = Citations.extract(text);
        assertEquals(List.of("法治政府建设实施纲要（2021－2025年）", "关于〈中华人民共和国宪法〉的学习提纲",
                "中华人民共和国行政诉讼法"), cs.stream().map(Citation::getTitle).collect(Collectors.toList()));
        for (Citation c : cs) {
            assertTrue(text.substring(c.getStart(), c.getEnd()).startsWith("《"));
            assertTrue(text.substring(c.getStart(), c.getEnd()).endsWith("》"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "印发沙府办发〔2025〕46号文件 | 沙府办发〔2025〕46号 | 沙府办发 | 2025 | 46 | NULL",
            "按照厅字〔2019〕28号要求 | 厅字〔2019〕28号 | 厅字 | 2019 | 28 | NULL",
            "中发〔2021〕33号 | 中发〔2021〕33号 | 中发 | 2021 | 33 | NULL",
            "（沙府办发202546号） | 沙府办发202546号 | 沙府办发 | 2025 | 46 | missing-brackets",
            "渝府发[2025]3号 | 渝府发[2025]3号 | 渝府发 | 2025 | 3 | wrong-brackets",
            "渝府发（2025）3号 | 渝府发（2025）3号 | 渝府发 | 2025 | 3 | wrong-brackets",
            "渝府办发【2025】12号 | 渝府办发【2025】12号 | 渝府办发 | 2025 | 12 | wrong-brackets",
            "沙府发〔2025〕046号 | 沙府发〔2025〕046号 | 沙府发 | 2025 | 46 | leading-zero",
            "沙府发〔2025〕第46号 | 沙府发〔2025〕第46号 | 沙府发 | 2025 | 46 | ordinal"})
    void documentNumbers(String text, String raw, String issuer, int year, int serial, String defect) {
        List<DocumentNumber> ds = DocumentNumbers.extract(text);
        assertEquals(1, ds.size(), ds::toString);
        DocumentNumber d = ds.get(0);
        assertEquals(raw, d.getRaw());
        assertEquals(raw, text.substring(d.getStart(), d.getEnd()));
        assertEquals(issuer, d.getIssuer());
        assertEquals(year, d.getYear());
        assertEquals(serial, d.getSerial());
        assertEquals(defect, d.getDefect());
        assertEquals(defect == null, d.isWellFormed());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ICP备案:渝ICP备19004061号-1 联系我们",
            "国际联网备案: 渝公网安备 50010602500861号 网站标识码:5001060020",
            "索引号: 11500106009291211J/2026-00008",
            "违法和不良信息举报电话:023-12345",
            "《法治政府建设实施纲要（2021－2025年）》",
            "2025年共办理案件46号"})
    void notDocumentNumbers(String text) {
        assertEquals(List.of(), DocumentNumbers.extract(text));
    }
}
