package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tijian.testsupport.SampleReports;

/**
 * Issue 13, every shape of the report openings of other provinces, each with what a reader expects: title, unit,
 * year, publication date and the part of each top-level section. The openings are written for these tests (a
 * province-level government, province- and city-level departments, a 乡, a joint party-and-government report, untitled
 * openings); the places are real names, the texts are not copied from any page. Each is read bare and under or
 * between every kind of site chrome line the issue names.
 */
class ProvinceShapesTest {

    /** An opening and what reading it must give; parts are written 1–5 per top-level section, "-" for none. */
    record Shape(String name, String text, String title, String unit, Integer year, LocalDate published,
                 List<String> parts) {
        @Override public String toString() { return name; }
    }

    private static LocalDate d(int y, int m, int day) { return LocalDate.of(y, m, day); }

    static final List<Shape> SHAPES = List.of(
            // 2 (title ending 工作情况), 5 (part 1 named after its theme and 成效显著), 4 (纲要 cited), 6 (时间: label)
            new Shape("province government, title ending in 工作情况",
                    "四川省人民政府2022年度法治政府建设工作情况\n"
                            + "时间：2023-03-28  来源：四川省人民政府办公厅\n"
                            + "2022年，四川省坚持以习近平法治思想为指导，认真落实《法治政府建设实施纲要（2021—2025年）》，现将有关情况报告如下。\n"
                            + "一、坚持党的领导，思想引领有力\n"
                            + "（一）深入学习贯彻习近平法治思想。省政府常务会议会前学法12次。\n"
                            + "（二）压实法治建设第一责任人职责。省政府主要负责人带头研究部署法治政府建设。\n"
                            + "二、2022年度法治政府建设成效显著\n全省办理行政复议案件1.2万件。\n"
                            + "三、存在的不足和原因\n部分地区执法不够规范，原因是执法人员培训不足。\n"
                            + "四、2023年工作安排\n持续深化行政执法体制改革。\n",
                    "四川省人民政府2022年度法治政府建设工作情况", "四川省", 2022, d(2023, 3, 28),
                    List.of("1", "1", "2", "4")),
            new Shape("province title ending in 情况 with 更新时间",
                    "福建省2021年度法治政府建设情况\n更新时间：2022-03-30 16:20\n"
                            + "2021年，福建省深入推进依法行政。\n"
                            + "一、2021年度工作情况\n正文。\n二、存在的问题\n正文。\n三、2022年工作思路\n正文。\n",
                    "福建省2021年度法治政府建设情况", "福建省", 2021, d(2022, 3, 30), List.of("1", "2", "4")),
            // 3: province- and municipality-level departments keep their region
            new Shape("province department, part 1 named 思想引领 / 组织领导",
                    "江苏省司法厅关于2024年度法治政府建设情况的报告\n发布日期：2025-03-12\n"
                            + "2024年，省司法厅坚持以习近平法治思想为指导，现将有关情况报告如下。\n"
                            + "一、思想引领\n厅党委理论学习中心组专题学法6次。\n二、组织领导\n正文。\n"
                            + "三、存在的不足和原因\n基层执法监督力量不足，主要原因是编制紧张。\n"
                            + "四、2025年主要工作\n正文。\n",
                    "江苏省司法厅关于2024年度法治政府建设情况的报告", "江苏省司法厅", 2024, d(2025, 3, 12),
                    List.of("1", "1", "2", "4")),
            new Shape("municipality department",
                    "上海市司法局2024年法治政府建设情况报告\n发布时间：2025-02-28\n"
                            + "一、2024年主要工作\n正文。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n"
                            + "三、存在的不足\n正文。\n四、2025年工作打算\n正文。\n",
                    "上海市司法局2024年法治政府建设情况报告", "上海市司法局", 2024, d(2025, 2, 28),
                    List.of("1", "3", "2", "4")),
            new Shape("province department named only by the 发布机构 line",
                    "发布机构：广东省市场监督管理局  发布日期：2024-03-20\n关于2023年度法治政府建设情况的报告\n"
                            + "一、2023年度法治政府建设成效\n正文。\n二、存在的不足\n正文。\n三、2024年工作计划\n正文。\n",
                    "关于2023年度法治政府建设情况的报告", "广东省市场监督管理局", 2023, d(2024, 3, 20),
                    List.of("1", "2", "4")),
            // a city department: keeps its city; title followed by its date line
            new Shape("city department, title followed by its date",
                    "郑州市教育局2023年度法治政府建设工作报告\n(2024-02-26)\n"
                            + "2023年，市教育局坚持依法治教，现将有关情况报告如下。\n"
                            + "一、2023年度工作总体情况\n正文。\n二、存在的问题和不足\n正文。\n"
                            + "三、主要负责人履行推进法治建设第一责任人职责情况\n正文。\n四、2024年工作打算\n正文。\n",
                    "郑州市教育局2023年度法治政府建设工作报告", "郑州市教育局", 2023, d(2024, 2, 26),
                    List.of("1", "2", "3", "4")),
            // a 乡: title split over two lines, a bare date under it, 一是/二是 sub-headings
            new Shape("township, split title and a bare date under it",
                    "罗田县白莲河乡人民政府关于2023年度\n法治政府建设工作的报告\n2024年1月15日\n"
                            + "2023年，我乡坚持以法治思想为指导，现报告如下。\n"
                            + "一、2023年主要工作\n一是健全依法决策机制。二是压实法治建设第一责任人职责。乡长带头学法4次。\n"
                            + "二、存在的问题\n正文。\n三、2024年工作计划\n正文。\n",
                    "罗田县白莲河乡人民政府关于2023年度法治政府建设工作的报告", "白莲河乡", 2023, d(2024, 1, 15),
                    List.of("1", "2", "4")),
            // a joint party-and-government report names the place
            new Shape("joint party-and-government report",
                    "中共浚县县委 浚县人民政府\n关于2023年度法治政府建设情况的报告\n"
                            + "根据《法治政府建设实施纲要（2021—2025年）》要求，2023年，全县坚持依法行政。\n"
                            + "一、2023年度法治政府建设工作总体情况\n正文。\n"
                            + "二、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n"
                            + "三、存在的不足和原因\n正文。\n四、2024年工作打算\n正文。\n五、其他需要报告的情况\n无。\n",
                    "中共浚县县委 浚县人民政府关于2023年度法治政府建设情况的报告", "浚县", 2023, null,
                    List.of("1", "3", "2", "4", "5")),
            // 3: year-first titles and 关于福州市…
            new Shape("year first, municipality",
                    "2024年上海市法治政府建设情况报告\n一、2024年度法治政府建设成效显著\n正文。\n二、存在的不足\n正文。\n",
                    "2024年上海市法治政府建设情况报告", "上海市", 2024, null, List.of("1", "2")),
            new Shape("year first, district",
                    "2020年静海区法治政府建设年度报告\n发布时间：2021-03-31\n一、组织领导\n正文。\n二、存在的问题\n正文。\n",
                    "2020年静海区法治政府建设年度报告", "静海区", 2020, d(2021, 3, 31), List.of("1", "2")),
            new Shape("关于 + city",
                    "关于福州市2022年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n",
                    "关于福州市2022年法治政府建设情况的报告", "福州市", 2022, null, List.of("1", "2")),
            // 3, 4: no printed title: unit and year from the opening sentence, never from 《》 or a 发文字号
            new Shape("untitled, year-first opening sentence",
                    "2024年，郎溪县坚持以习近平法治思想为指导，认真落实《法治政府建设实施纲要（2021—2025年）》。\n"
                            + "一、坚持党的领导\n正文。\n二、存在的不足\n正文。\n三、2025年工作安排\n正文。\n",
                    null, "郎溪县", 2024, null, List.of("1", "2", "4")),
            new Shape("untitled, 现将…报告如下 after a 纲要 citation",
                    "根据《法治政府建设实施纲要（2021—2025年）》要求，现将北京市石景山区人民政府2023年法治政府建设情况报告如下。\n"
                            + "一、2023年度工作情况\n正文。\n二、存在的不足\n正文。\n",
                    null, "石景山区", 2023, null, List.of("1", "2")),
            new Shape("untitled, a 发文字号 line first",
                    "宛政发〔2025〕3号\n2024年，宛城区坚持依法行政。\n一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n",
                    null, "宛城区", 2024, null, List.of("1", "2")),
            new Shape("untitled, unit from the signature",
                    "一、主要举措和成效\n我局坚持依法行政，全年学法4次。\n二、存在的不足\n正文。\n三、2025年工作打算\n正文。\n"
                            + "上海市司法局\n2025年2月10日\n",
                    // signed early in 2025 with a plan for 2025: the report is of 2024
                    null, "上海市司法局", 2024, null, List.of("1", "2", "4")),
            // more title shapes met in reports of other provinces: 工作总结, the unit on the line above a title without
            // 关于, 关于报送… (a verb, not a unit, after 关于), a year in Chinese numerals
            new Shape("street, title ending in 工作总结",
                    "宝山区吴淞街道办事处2023年度法治政府建设工作总结\n"
                            + "一、2023年度工作情况\n正文。\n二、存在的问题\n正文。\n三、2024年工作打算\n正文。\n",
                    "宝山区吴淞街道办事处2023年度法治政府建设工作总结", "吴淞街道", 2023, null, List.of("1", "2", "4")),
            new Shape("unit on the line above a title without 关于",
                    "罗山县人民政府\n2023年度法治政府建设情况报告\n"
                            + "一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n",
                    "罗山县人民政府2023年度法治政府建设情况报告", "罗山县", 2023, null, List.of("1", "2")),
            new Shape("关于报送…, the unit from the signature",
                    "关于报送2023年度法治政府建设情况的报告\n2023年，市水务局坚持依法行政。\n"
                            + "一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n三、2024年工作计划\n正文。\n"
                            + "洛阳市水务局\n2024年1月20日\n",
                    "关于报送2023年度法治政府建设情况的报告", "洛阳市水务局", 2023, null, List.of("1", "2", "4")),
            new Shape("year in Chinese numerals",
                    "光山县人民政府关于二〇二三年度法治政府建设情况的报告\n"
                            + "一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n三、二〇二四年工作安排\n正文。\n",
                    "光山县人民政府关于二〇二三年度法治政府建设情况的报告", "光山县", 2023, null, List.of("1", "2", "4")),
            new Shape("untitled, the place after whose leadership",
                    "2023年，在市委、市政府的坚强领导下，新县坚持依法行政。\n"
                            + "一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n",
                    null, "新县", 2023, null, List.of("1", "2")),
            // 5: 2024年主要工作 / 2024年度工作情况 in a 2024 report is part 1; the next year with plan words is part 4
            new Shape("report-year work is part 1, next year's is the plan",
                    "某某市司法局关于2024年度法治政府建设情况的报告\n"
                            + "一、2024年主要工作\n正文。\n二、存在的问题\n正文。\n三、2025年主要工作\n正文。\n",
                    "某某市司法局关于2024年度法治政府建设情况的报告", "某某市司法局", 2024, null,
                    List.of("1", "2", "4")),
            new Shape("2025年度工作总体情况",
                    "某某县人民政府关于2025年度法治政府建设情况的报告\n"
                            + "一、2025年度工作总体情况\n正文。\n二、存在的不足和原因\n正文。\n三、2026年重点工作\n正文。\n",
                    "某某县人民政府关于2025年度法治政府建设情况的报告", "某某县", 2025, null, List.of("1", "2", "4")));

    /** The site chrome lines of issue 13, item 1; each goes above the title, and the font bracket below it too. */
    static final List<String> CHROME = List.of(
            "Copyright © 2025 某某省人民政府办公厅 版权所有",
            "京公网安备 11010802012345号",
            "京ICP备05070218号",
            "【字体:大 中 小",
            "【字体：大 中 小】【打印】【关闭】",
            "分享到：微信 微博 QQ空间",
            "浏览次数：1024",
            "网站标识码：1100000088",
            "首页 > 政务公开 > 法治政府建设年度报告");

    static Stream<Arguments> shapes() { return SHAPES.stream().map(Arguments::of); }

    static Stream<Arguments> shapesUnderChrome() {
        List<Arguments> out = new ArrayList<>();
        for (Shape s : SHAPES) for (String c : CHROME) out.add(Arguments.of(s, c));
        return out.stream();
    }

    private static Part part(char c) { return Part.values()[c - '1']; }

    private static Set<Part> parts(String written) {
        Set<Part> out = EnumSet.noneOf(Part.class);
        if (!written.equals("-")) for (char c : written.replace("+", "").toCharArray()) out.add(part(c));
        return out;
    }

    private static void readsAsExpected(Shape s, Report r) {
        String where = s.name() + "\n" + r.getText();
        assertEquals(s.title(), r.getTitle(), where);
        if (s.title() != null) assertEquals(s.title().replace(" ", ""), r.quote(r.getTitleSpan()).replaceAll("\\s", ""), where);
        assertEquals(s.unit(), r.getUnit(), where);
        assertEquals(s.year(), r.getYear(), where);
        assertEquals(s.published(), r.getPublishedOn(), where);
        List<Section> top = Fixtures.top(r);
        assertEquals(s.parts().stream().map(ProvinceShapesTest::parts).toList(),
                top.stream().map(Section::getParts).toList(), () -> where + "\n" + top);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsRight(Shape s) {
        readsAsExpected(s, Fixtures.parse(s.text()));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("shapesUnderChrome")
    void oneChromeLineAboveChangesNothing(Shape s, String chrome) {
        readsAsExpected(s, Fixtures.parse(chrome + "\n" + s.text()));
    }

    /** The chrome line just under the title (where an unclosed 【字体 bracket cost the sections), when there is one. */
    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("shapesUnderChrome")
    void oneChromeLineBelowTheTitleChangesNothing(Shape s, String chrome) {
        if (s.title() == null) return;
        int end = s.text().indexOf('\n', s.text().indexOf(s.title().substring(s.title().length() - 4)));
        String text = s.text().substring(0, end + 1) + chrome + "\n" + s.text().substring(end + 1);
        readsAsExpected(s, Fixtures.parse(text));
    }

    @Test
    void aWholePageAroundAReport() {
        Shape s = SHAPES.get(0);
        String page = "首页 > 政务公开 > 法治政府建设\n【字体:大 中 小\n打印本页 关闭窗口\n" + s.text()
                + "【打印本页】【关闭窗口】\n分享到：\n扫一扫在手机打开当前页\nCopyright © 2025 四川省人民政府办公厅 版权所有\n"
                + "川公网安备 51010402000507号 蜀ICP备05003828号\n";
        Report r = Fixtures.parse(page);
        readsAsExpected(s, r);
        assertTrue(r.getSections().stream().noneMatch(x -> r.quote(x).contains("版权所有") || r.body(x).contains("扫一扫")));
    }

    // ---- metadata labels (item 6): each gives the publication date, the surer label winning

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"发布日期：2025-03-20", "发布时间: 2025-03-20 09:30",
            "公开日期：2025年3月20日", "时间：2025-03-20", "日期:2025-03-20", "更新时间：2025-03-20 16:00",
            "[ 发布时间 ] 2025-03-20", "发文日期：2025-03-20", "2025-03-20", "2025-03-20 08:30:00", "（2025年3月20日）"})
    void eachDateLabelGivesThePublicationDate(String line) {
        Shape s = SHAPES.get(2);
        String text = s.text().replace("发布日期：2025-03-12", line);
        Report r = Fixtures.parse(text);
        assertEquals(d(2025, 3, 20), r.getPublishedOn(), text);
        assertEquals(s.title(), r.getTitle());
        assertEquals(s.unit(), r.getUnit());
    }

    @Test
    void theSurerLabelWins() {
        assertEquals(d(2025, 3, 20), Fixtures.parse("更新时间：2025-04-01\n发布时间：2025-03-20\n" + SHAPES.get(0).text()
                .replace("时间：2023-03-28  来源：四川省人民政府办公厅\n", "")).getPublishedOn());
        assertEquals(d(2025, 3, 20), Fixtures.parse("成文日期：2025-03-01 公开日期：2025-03-20\n" + SHAPES.get(0).text()
                .replace("时间：2023-03-28  来源：四川省人民政府办公厅\n", "")).getPublishedOn());
    }

    // ---- sub-headings tagged with the parts they name (item 6)

    @Test
    void numberedAndInlineSubHeadingsNamingThe第一责任人PartAreTagged() {
        Report province = Fixtures.parse(SHAPES.get(0).text());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), sub(province, "（二）").getParts());
        assertEquals(Set.of(), sub(province, "（一）").getParts());
        Report township = Fixtures.parse(SHAPES.get(6).text());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), sub(township, "二是").getParts());
        assertEquals(Set.of(), sub(township, "一是").getParts());
    }

    private static Section sub(Report r, String marker) {
        return r.getSections().stream().filter(x -> x.getMarker().equals(marker)).findFirst()
                .orElseThrow(() -> new AssertionError(marker + " not in " + r.getSections()));
    }

    // ---- the samples keep their reading under each chrome line (any one of them above a sample reproduced the issue)

    @ParameterizedTest(name = "{0}")
    @MethodSource("chrome")
    void samplesReadTheSameUnderEveryChromeLine(String chrome) {
        for (String name : SampleReports.ALL) {
            Report plain = Fixtures.parse(SampleReports.text(name));
            Report r = Fixtures.parse(chrome + "\n" + SampleReports.text(name));
            assertEquals(plain.getTitle(), r.getTitle(), name);
            assertEquals(plain.getUnit(), r.getUnit(), name);
            assertEquals(plain.getYear(), r.getYear(), name);
            assertEquals(plain.getPublishedOn(), r.getPublishedOn(), name);
            assertEquals(Fixtures.top(plain).stream().map(Section::getTitle).toList(),
                    Fixtures.top(r).stream().map(Section::getTitle).toList(), name);
            assertEquals(Fixtures.top(plain).stream().map(Section::getParts).toList(),
                    Fixtures.top(r).stream().map(Section::getParts).toList(), name);
        }
    }

    static Stream<String> chrome() { return CHROME.stream(); }
}
