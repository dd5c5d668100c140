package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

/** The figures half of the parser on the three published sample reports, page chrome included. */
class SampleFiguresTest {

    private static Optional<Metric> find(List<Metric> ms, String label, String unit) {
        return ms.stream().filter(m -> m.getLabel().equals(label) && m.getUnit().equals(unit)).findFirst();
    }

    private static Metric get(List<Metric> ms, String label, String unit) {
        return find(ms, label, unit).orElseThrow(() -> new AssertionError("no " + label + " " + unit + " in " + ms));
    }

    private static List<Target> targets(String text) {
        return Targets.extract(text, Samples.topSections(text), Samples.metrics(text));
    }

    @Test
    void shapingbaMetrics() {
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        List<Metric> ms = Samples.metrics(text);
        Metric rate = get(ms, "出庭应诉率", "%");
        assertEquals(100, rate.getValue());
        assertEquals(Bound.EXACT, rate.getComparator());
        assertEquals(1, get(ms, "行政诉讼案件", "件").getValue());
        assertEquals(1, get(ms, "行政复议案件", "件").getValue());
        assertEquals(97.99, get(ms, "满意率", "%").getValue(), 1e-9);
        Metric people = get(ms, "覆盖", "人次");
        assertEquals(300, people.getValue());
        assertEquals(Bound.MORE_THAN, people.getComparator());
        Metric bare = get(ms, "办结中央巡视组移交信访件", "");
        assertEquals(22, bare.getValue());
        // the part-1 figures sit in section 0, the part-2 (第一责任人) figures in section 1
        assertEquals(0, rate.getSection());
        assertEquals(1, get(ms, "审议法治建设相关事项", "项").getSection());
    }

    @Test
    void shapingbaPageChromeAndFooterYieldNoMetrics() {
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        List<Metric> ms = Samples.metrics(text);
        int bodyStart = text.indexOf("2025年,沙坪坝街道党工委、办事处坚持");
        int footerStart = text.indexOf("Copyright");
        assertTrue(bodyStart > 0 && footerStart > bodyStart);
        for (Metric m : ms) {
            assertTrue(m.getStart() > bodyStart && m.getEnd() < footerStart, "chrome metric " + m);
        }
        String raws = ms.stream().map(Metric::getRaw).collect(Collectors.joining("|"));
        for (String bad : new String[] {"2025年", "2026", "202546", "12345", "3·15", "15”", "12·4", "八五", "一支",
                "一案一策", "一把手", "第一", "二十大", "十三届", "一件事", "查一次", "三项制度", "1.", "00008"}) {
            assertFalse(ms.stream().anyMatch(m -> m.getRaw().contains(bad) && !m.getLabel().contains(bad)),
                    bad + " taken as a figure in " + raws);
        }
        assertFalse(ms.stream().anyMatch(m -> m.getValue() == 2025 || m.getValue() == 2026 || m.getValue() == 12345
                || m.getValue() == 202546 || m.getValue() == 15 && m.getUnit().isEmpty()), raws);
    }

    @Test
    void shapingbaBreakdownSumsTo489() {
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        List<Breakdown> bs = Breakdowns.find(text, Samples.metrics(text));
        assertEquals(1, bs.size(), bs::toString);
        Breakdown b = bs.get(0);
        assertEquals(489, b.getTotal().getValue());
        assertEquals("件", b.getTotal().getUnit());
        assertEquals("成功调解矛盾纠纷", b.getTotal().getLabel());
        assertEquals(List.of(114.0, 96.0, 52.0, 39.0, 188.0),
                b.getParts().stream().map(Metric::getValue).collect(Collectors.toList()));
        assertEquals(List.of("邻里纠纷", "损害赔偿纠纷", "物业纠纷", "婚姻家庭纠纷", "其他纠纷"),
                b.getParts().stream().map(Metric::getLabel).collect(Collectors.toList()));
        assertEquals(489, b.getPartsSum(), 1e-9);
        assertFalse(b.isApproximate());
    }

    @Test
    void shapingbaTargetsIn2026Plan() {
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        List<Target> ts = targets(text);
        assertFalse(ts.isEmpty());
        assertTrue(ts.stream().allMatch(t -> t.getYear() == 2026), ts::toString);
        Target disputes = ts.stream().filter(t -> t.getMetric().getValue() == 200).findFirst().orElseThrow();
        assertEquals(Bound.AT_LEAST, disputes.getMetric().getComparator());
        assertEquals("件", disputes.getMetric().getUnit());
        assertEquals("排查化解矛盾纠纷", disputes.getMetric().getLabel());
        Target rate = ts.stream().filter(t -> t.getMetric().getValue() == 98).findFirst().orElseThrow();
        assertEquals(Bound.AT_LEAST, rate.getMetric().getComparator());
        assertEquals("化解率", rate.getMetric().getLabel());
        assertTrue(rate.getMetric().isRate());
        Target range = ts.stream().filter(t -> t.getMetric().getRaw().contains("1-2项")).findFirst().orElseThrow();
        assertEquals(1, range.getMetric().getValue());
        // nothing from parts 1-3 (489 件, 出庭应诉率 …) counts as a target
        int plan = text.indexOf("四、2026年");
        assertTrue(ts.stream().allMatch(t -> t.getStart() > plan));
    }

    @Test
    void shapingbaCitationsAndDocumentNumber() {
        String text = SampleReports.text(SampleReports.SHAPINGBA);
        List<String> titles = Citations.extract(text).stream().map(Citation::getTitle).collect(Collectors.toList());
        assertTrue(titles.contains("法治政府建设实施纲要(2021—2025)"), titles::toString);
        assertTrue(titles.contains("中华人民共和国行政复议法"), titles::toString);
        assertTrue(titles.contains("2025年沙坪坝区法治政府建设工作要点"), titles::toString);
        for (Citation c : Citations.extract(text)) {
            assertEquals("《" + c.getTitle() + "》", text.substring(c.getStart(), c.getEnd()));
        }
        List<DocumentNumber> dns = DocumentNumbers.extract(text);
        assertEquals(1, dns.size(), dns::toString);
        DocumentNumber d = dns.get(0);
        assertEquals("沙府办发202546号", d.getRaw());
        assertEquals("沙府办发", d.getIssuer());
        assertEquals(2025, d.getYear());
        assertEquals(46, d.getSerial());
        assertEquals("missing-brackets", d.getDefect());
        assertEquals(d.getRaw(), text.substring(d.getStart(), d.getEnd()));
    }

    @Test
    void guanbaMetricsAndTargets() {
        String text = SampleReports.text(SampleReports.GUANBA);
        List<Metric> ms = Samples.metrics(text);
        assertEquals(100, get(ms, "行政机关负责人出庭率", "%").getValue());
        assertEquals(99.39, get(ms, "调解成功率", "%").getValue(), 1e-9);
        assertEquals(3, get(ms, "行政诉讼案件", "件").getValue());
        assertEquals(1, get(ms, "行政复议案件", "件").getValue());
        Metric checks = get(ms, "开展行政执法检查", "次");
        assertEquals(2800, checks.getValue());
        assertEquals(Bound.MORE_THAN, checks.getComparator());
        // 2800余次,其中查处违法行为4000余起: a single sub-figure in another unit is not a breakdown
        assertEquals(List.of(), Breakdowns.find(text, ms));

        List<Target> ts = targets(text);
        assertTrue(ts.stream().allMatch(t -> t.getYear() == 2026), ts::toString);
        Target special = ts.stream().filter(t -> t.getMetric().getLabel().equals("特殊群体普法覆盖率"))
                .findFirst().orElseThrow(() -> new AssertionError(ts.toString()));
        assertEquals(100, special.getMetric().getValue());
        assertEquals(Bound.AT_LEAST, special.getMetric().getComparator());
        assertEquals("%", special.getMetric().getUnit());
        Target devices = ts.stream().filter(t -> t.getMetric().getLabel().equals("更新执法设备")).findFirst()
                .orElseThrow();
        assertEquals(2, devices.getMetric().getValue());
        assertEquals("台", devices.getMetric().getUnit());
        assertEquals("更新执法设备2台(套)", devices.getMetric().getRaw());
        assertTrue(ts.stream().anyMatch(t -> t.getMetric().getLabel().equals("每月开展法治活动")
                && t.getMetric().getComparator() == Bound.AT_LEAST && t.getMetric().getValue() == 2));
        assertEquals(List.of(), DocumentNumbers.extract(text));
    }

    @Test
    void haitangxiCaseCountsAndQualitativePlan() {
        String text = SampleReports.text(SampleReports.HAITANGXI);
        List<Metric> ms = Samples.metrics(text);
        assertEquals(2, get(ms, "行政诉讼案件", "件").getValue());
        assertEquals(1, get(ms, "行政复议案件", "件").getValue());
        assertTrue(find(ms, "出庭应诉率", "%").isEmpty());
        assertEquals(99, get(ms, "调解成功率", "%").getValue());
        List<Section> sections = Samples.topSections(text);
        assertTrue(sections.stream().anyMatch(s -> s.getParts().contains(Part.NEXT_YEAR_PLAN)));
        assertEquals(List.of(), Targets.extract(text, sections, ms));
        List<String> titles = Citations.extract(text).stream().map(Citation::getTitle).collect(Collectors.toList());
        assertEquals(List.of("南岸区贯彻落实重庆市法治政府建设实施方案（2021—2025年）分工方案", "习近平谈治国理政"), titles);
        assertNotNull(ms);
    }
}
