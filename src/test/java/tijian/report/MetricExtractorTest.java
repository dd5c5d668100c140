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

import tijian.testsupport.SampleReports;

class MetricExtractorTest {

    private static List<Metric> of(String text) {
        return MetricExtractor.extract(text, List.of(), List.of());
    }

    private static Metric only(String text) {
        List<Metric> ms = of(text);
        assertEquals(1, ms.size(), () -> "metrics in " + text + ": " + ms);
        return ms.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "出庭应诉率100%。| 出庭应诉率 | 100 | % | EXACT",
            "全年行政诉讼案件1件。| 行政诉讼案件 | 1 | 件 | EXACT",
            "调解成功率达99.39%，| 调解成功率 | 99.39 | % | EXACT",
            "行政机关负责人出庭率100%,| 行政机关负责人出庭率 | 100 | % | EXACT",
            "排查调处矛盾纠纷826件,| 排查调处矛盾纠纷 | 826 | 件 | EXACT",
            "全年排查化解矛盾纠纷不少于200件。| 排查化解矛盾纠纷 | 200 | 件 | AT_LEAST",
            "化解率保持在98%以上。| 化解率 | 98 | % | AT_LEAST",
            "特殊群体普法覆盖率达100%以上,| 特殊群体普法覆盖率 | 100 | % | AT_LEAST",
            "覆盖群众五万余人次。| 覆盖群众 | 50000 | 人次 | MORE_THAN",
            "累计开展行政执法检查2800余次。| 开展行政执法检查 | 2800 | 次 | MORE_THAN",
            "覆盖300余人次;| 覆盖 | 300 | 人次 | MORE_THAN",
            "开展专题学习两次。| 开展专题学习 | 2 | 次 | EXACT",
            "群众满意率达到百分之九十。| 群众满意率 | 90 | % | EXACT",
            "受理咨询约300人次。| 受理咨询 | 300 | 人次 | ABOUT",
            "发放资料近2000份。| 发放资料 | 2000 | 份 | ABOUT",
            "参训人员500人左右。| 参训人员 | 500 | 人 | ABOUT",
            "办理时限不超过5天。| 办理时限 | 5 | 天 | AT_MOST",
            "误差率控制在3%以内。| 误差率 | 3 | % | AT_MOST",
            "来访登记32件次。| 来访登记 | 32 | 件次 | EXACT",
            "更新执法设备2台(套),| 更新执法设备 | 2 | 台 | EXACT",
            "探索形成1-2项可复制的经验。| 探索形成 | 1 | 项 | AT_LEAST",
            "办结中央巡视组移交信访件22,办结| 办结中央巡视组移交信访件 | 22 | '' | EXACT",
            "其中邻里纠纷114件、| 邻里纠纷 | 114 | 件 | EXACT",
            "召开党工委专题研究法治建设会议4次，| 召开党工委专题研究法治建设会议 | 4 | 次 | EXACT",
            "开展普法讲座三场。| 开展普法讲座 | 3 | 场 | EXACT",
            "投入经费3.5万元。| 投入经费 | 3.5 | 万元 | EXACT",
            "惠及群众5万人次。| 惠及群众 | 50000 | 人次 | EXACT",
            "办理案件一百零五件。| 办理案件 | 105 | 件 | EXACT",
            "2023年调解成功550件，| 调解成功 | 550 | 件 | EXACT",
            "2023年街道共有行政复议案件1件，| 行政复议案件 | 1 | 件 | EXACT",
            "查处违法行为4000余起。| 查处违法行为 | 4000 | 起 | MORE_THAN",
            "行政执法“三项制度”落实率100%，| 行政执法“三项制度”落实率 | 100 | % | EXACT",
            "群众法治知晓率提升至80%。| 群众法治知晓率 | 80 | % | EXACT",
            "满意率达百分之百。| 满意率 | 100 | % | EXACT",
            "接待群众两千余人次,| 接待群众 | 2000 | 人次 | MORE_THAN",
            "结案率同比提高2.5个百分点。| 结案率同比提高 | 2.5 | 个百分点 | EXACT",
            "每季度开展法治讲座1次以上。| 每季度开展法治讲座 | 1 | 次 | AT_LEAST",
            "培训人数超过300人。| 培训人数 | 300 | 人 | MORE_THAN"})
    void figureAndLabel(String text, String label, double value, String unit, Bound bound) {
        Metric m = only(text);
        assertEquals(label, m.getLabel());
        assertEquals(value, m.getValue(), 1e-9);
        assertEquals(unit, m.getUnit());
        assertEquals(bound, m.getComparator());
        assertEquals(m.getRaw(), text.substring(m.getStart(), m.getEnd()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2025年,沙坪坝街道坚持以习近平法治思想为指导。",
            "关于2025年度法治政府建设情况的报告",
            "发布日期:2026-01-28 生成日期: 2026-01-28",
            "于1月28日召开会议。",
            "严格对照《2025年沙坪坝区法治政府建设工作要点》(沙府办发202546号)部署安排",
            "依据渝府发〔2025〕3号文件",
            "索引号: 11500106009291211J/2026-00008 信息分类名称: 其他/其他",
            "违法和不良信息举报电话:023-12345 网上有害信息举报",
            "依托12345”政务服务热线,畅通渠道",
            "拨打12345热线反映问题",
            "ICP备案:渝ICP备19004061号-1 联系我们 国际联网备案: 渝公网安备 50010602500861号 网站标识码:5001060020",
            "结合3·15”消费者权益日、“4·15”全民国家安全教育日、“12·4”国家宪法日等节点",
            "1.法治宣传教育针对性有待提升。2.行政执法能力仍需加强。",
            "“八五”普法收官为契机",
            "推进“一支队伍管执法”落地见效",
            "实行“一案一策”精准处置",
            "形成“一把手”全面抓的格局",
            "履行法治建设第一责任人职责",
            "深入学习贯彻党的二十大精神",
            "紧扣区委十三届历次全会精神",
            "推行“执法监管一件事”改革,实施“综合查一次”组团式检查",
            "严格落实行政执法三项制度",
            "将法治建设作为一项重要的政治任务",
            "大家一起学习",
            "进一步完善机制,统一行使执法权",
            "《法治政府建设实施纲要（2021－2025年）》",
            "落实第46号文件",
            "千家万户",
            "斩获团体二等奖"})
    void notMetrics(String text) {
        assertEquals(List.of(), of(text));
    }

    @Test
    void emptyLabelAfterEnumerationCommaInheritsPreviousLabel() {
        List<Metric> ms = of("全年,来访登记32件次、40人次,处置上级转办11件次、32人次。");
        assertEquals(List.of("来访登记", "来访登记", "处置上级转办", "处置上级转办"),
                ms.stream().map(Metric::getLabel).collect(Collectors.toList()));
        assertEquals(List.of("件次", "人次", "件次", "人次"),
                ms.stream().map(Metric::getUnit).collect(Collectors.toList()));
    }

    @Test
    void numberFirstPhrasingTakesWordsAfterUnit() {
        Metric m = only("确保落实,9名处级领导完成书面述法工作。");
        assertEquals(9, m.getValue());
        assertEquals("名", m.getUnit());
        assertEquals("处级领导完成书面述法工作", m.getLabel());
    }

    @Test
    void labelStopsAtPreviousFigure() {
        List<Metric> ms = of("发放普法宣传资料1500余份三是创新宣传方式推送普法信息80余条。");
        assertEquals(2, ms.size());
        assertEquals("三是创新宣传方式推送普法信息", ms.get(1).getLabel());
    }

    @Test
    void fullWidthDigitsAndPercent() {
        Metric m = only("结案率达９８．５％。");
        assertEquals(98.5, m.getValue(), 1e-9);
        assertEquals("%", m.getUnit());
        assertTrue(m.isRate());
        assertEquals("结案率达９８．５％", m.getRaw());
    }

    @Test
    void sectionAndSentenceIndex() {
        String text = "一、主要举措\n（一）执法\n全年行政诉讼案件1件。出庭应诉率100%。\n二、不足\n无。";
        int two = text.indexOf("二、");
        Section top = new Section(0, HeadingStyle.CHINESE, "一、", 1, "主要举措", 0, 5, two, -1, true,
                EnumSet.of(Part.MEASURES_RESULTS), List.of());
        Section sub = new Section(1, HeadingStyle.PAREN_CHINESE, "（一）", 1, "执法", 6, 11, two, 0, false,
                EnumSet.noneOf(Part.class), List.of());
        Section second = new Section(2, HeadingStyle.CHINESE, "二、", 2, "不足", two, two + 4, text.length(), -1, true,
                EnumSet.of(Part.SHORTCOMINGS), List.of());
        List<Span> sentences = Samples.sentences(text);
        List<Metric> ms = MetricExtractor.extract(text, List.of(top, sub, second), sentences);
        assertEquals(2, ms.size());
        assertEquals(1, ms.get(0).getSection());
        assertEquals(1, ms.get(1).getSection());
        assertEquals(2, ms.get(0).getSentence());
        assertEquals(3, ms.get(1).getSentence());
        assertEquals(-1, MetricExtractor.extract("前言出庭率100%。", List.of(second), List.of()).get(0).getSection());
        assertEquals(-1, MetricExtractor.extract("前言出庭率100%。", List.of(), List.of()).get(0).getSentence());
    }

    @Test
    void offsetsMatchRawOnEverySample() {
        for (String name : new String[] {SampleReports.SHAPINGBA, SampleReports.GUANBA, SampleReports.HAITANGXI}) {
            String text = SampleReports.text(name);
            List<Metric> ms = Samples.metrics(text);
            assertTrue(ms.size() > 20, name);
            for (Metric m : ms) {
                assertEquals(m.getRaw(), text.substring(m.getStart(), m.getEnd()), name + " " + m);
                assertTrue(m.getLabel() != null && !m.getLabel().isBlank(), name + " label of " + m);
                assertTrue(m.getLabel().length() <= 16, name + " label too long " + m);
            }
        }
    }
}
