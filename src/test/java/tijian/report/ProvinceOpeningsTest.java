package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

/**
 * Issue 13: reports of other provinces. The openings below are written for these tests in the shapes the issue
 * describes (a province-level government, a city department, a 乡, a joint party-and-government report); none is
 * copied from a published page.
 */
class ProvinceOpeningsTest {

    private static Report parse(String text) { return Fixtures.parse(text); }

    /** A report that reads perfectly on its own: title, opening, the four headed parts. */
    private static final String REPORT = "某某县人民政府关于2024年法治政府建设情况的报告\n"
            + "2024年，某某县坚持依法行政，现将有关情况报告如下。\n"
            + "一、主要举措和成效\n全年开展学法4次。\n"
            + "二、存在的不足和原因\n执法力量不足。\n"
            + "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
            + "四、2025年工作安排\n持续推进。\n";

    private static void readsPerfectly(Report r) {
        assertEquals("某某县人民政府关于2024年法治政府建设情况的报告", r.getTitle());
        assertEquals(r.getTitle(), r.quote(r.getTitleSpan()));
        assertEquals("某某县", r.getUnit());
        assertEquals(2024, r.getYear());
        List<Section> top = Fixtures.top(r);
        assertEquals(List.of("一、", "二、", "三、", "四、"), top.stream().map(Section::getMarker).toList(), () -> r.getSections().toString());
        assertEquals(Set.of(Part.MEASURES_RESULTS), top.get(0).getParts());
        assertEquals(Set.of(Part.SHORTCOMINGS), top.get(1).getParts());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), top.get(2).getParts());
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), top.get(3).getParts());
    }

    @Test
    void theBareReportReadsPerfectly() {
        readsPerfectly(parse(REPORT));
    }

    /** Any one line of site chrome above the report must not hide its title, year or sections. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Copyright © 2025 某某县人民政府 版权所有",
            "版权所有：某某县人民政府办公室",
            "某公网安备 12345678901234号",
            "某ICP备12345678号-1",
            "【字体:大 中 小",
            "【字体：大 中 小】【打印】【关闭】",
            "打印本页 关闭窗口",
            "分享到：微信 微博",
            "浏览次数：1234",
            "阅读量：88 次",
            "来源：某某县司法局",
            "发布时间：2025-03-20 09:30",
            "更新时间：2025-03-20",
            "时间：2025-03-20",
            "网站标识码：1234567890",
    })
    void oneLineOfChromeAboveTheTitle(String chrome) {
        readsPerfectly(parse(chrome + "\n" + REPORT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"【字体:大 中 小", "【字体：大 中 小】 【打印】 【关闭】", "分享到：", "浏览次数：12", "来源：某某县司法局"})
    void oneLineOfChromeBelowTheTitle(String chrome) {
        String text = REPORT.replaceFirst("\n", "\n" + chrome + "\n");
        readsPerfectly(parse(text));
    }

    @Test
    void chromeAboveAndBelowTogether() {
        String text = "首页 > 政务公开 > 法治政府建设年度报告\n【字体:大 中 小\n来源：某某县人民政府办公室  发布时间：2025-03-20\n"
                + REPORT + "【打印本页】【关闭窗口】\nCopyright © 2025 某某县人民政府 版权所有\n某公网安备 12345678901234号\n";
        Report r = parse(text);
        readsPerfectly(r);
        assertEquals(LocalDate.of(2025, 3, 20), r.getPublishedOn());
        assertTrue(r.getSections().stream().noneMatch(s -> r.quote(s).contains("Copyright")));
    }

    @Test
    void aPagePastedAsOneLineKeepsItsReport() {
        String one = "某某县人民政府关于2024年法治政府建设情况的报告。2024年，某某县坚持依法行政，全年开展学法4次，"
                + "组织执法人员培训6场次，办理行政复议案件3件。".repeat(8) + "一、主要举措和成效。二、存在的不足。 版权所有：某某县人民政府";
        Report r = parse(one);
        assertTrue(r.getSentences().size() > 5);
        assertEquals(2024, r.getYear());
        assertFalse(r.getSections().isEmpty(), () -> r.getSections().toString());
    }

    @Test
    void anUnclosedFontSizeBracketIsNoPunctuationDefect() {
        Report r = parse("【字体:大 中 小\n" + REPORT.replaceFirst("\n", "\n【字体：大 中 小\n"));
        assertEquals(List.of(), r.getUnpairedMarks());
        assertEquals(1, parse(REPORT + "结合“3·15”消费者权益日”开展宣传。\n").getUnpairedMarks().size());
    }

    @Test
    void metadataValuesAreKeptAsFacts() {
        assertEquals(LocalDate.of(2025, 3, 20), parse("时间：2025-03-20\n" + REPORT).getPublishedOn());
        assertEquals(LocalDate.of(2025, 3, 21), parse("更新时间：2025-03-21 10:00\n" + REPORT).getPublishedOn());
        // 发布时间 ranks above 更新时间
        assertEquals(LocalDate.of(2025, 3, 20), parse("发布时间：2025-03-20 更新时间：2025-03-25\n" + REPORT).getPublishedOn());
        // 来源 names the issuer when the title does not
        Report r = parse("来源：江苏省司法厅\n关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n正文。\n");
        assertEquals("江苏省司法厅", r.getIssuer());
        assertEquals("江苏省司法厅", r.getUnit());
    }

    // ---- 2. title shapes

    /** A 乡's title split after 年度, its own 乡 opening and the parts. */
    @Test
    void townshipTitleSplitOverTwoLines() {
        String text = "某某县某某乡人民政府关于2023年度\n法治政府建设工作的报告\n"
                + "2023年，我乡坚持以法治思想为指导，现报告如下。\n一、主要举措和成效\n正文。\n二、存在的问题和不足\n正文。\n";
        Report r = parse(text);
        assertEquals("某某县某某乡人民政府关于2023年度法治政府建设工作的报告", r.getTitle());
        assertEquals(0, r.getTitleSpan().getStart());
        assertEquals(text.indexOf("报告") + 2, r.getTitleSpan().getEnd());
        assertEquals("某某乡", r.getUnit());
        assertEquals(2023, r.getYear());
        assertEquals(2, Fixtures.top(r).size());
    }

    @Test
    void titleFollowedByItsDate() {
        Report r = parse("某某市某某区人民政府2023年法治政府建设情况报告\n(2024-02-26)\n2023年，我区坚持依法行政。\n一、主要举措和成效\n正文。\n");
        assertEquals("某某市某某区人民政府2023年法治政府建设情况报告", r.getTitle());
        assertEquals(LocalDate.of(2024, 2, 26), r.getPublishedOn());
        assertEquals(2023, r.getYear());
        Report same = parse("某某区2023年法治政府建设情况报告（2024年2月26日）\n一、主要举措和成效\n正文。\n");
        assertEquals("某某区2023年法治政府建设情况报告", same.getTitle());
        assertEquals(same.getTitle(), same.quote(same.getTitleSpan()));
        assertEquals(LocalDate.of(2024, 2, 26), same.getPublishedOn());
    }

    /** A province-level government whose title ends in 情况, followed by 来源 and date. */
    @Test
    void provinceTitleEndingInQingkuang() {
        String text = "四川省人民政府2022年度法治政府建设工作情况\n来源：四川省人民政府办公厅 发布时间：2023-03-28\n"
                + "2022年，全省坚持以法治思想为指导，依照《法治政府建设实施纲要（2021—2025年）》推进各项工作。\n"
                + "一、2022年度法治政府建设成效显著\n正文。\n二、存在的不足和原因\n正文。\n三、2023年工作安排\n正文。\n";
        Report r = parse(text);
        assertEquals("四川省人民政府2022年度法治政府建设工作情况", r.getTitle());
        assertEquals("四川省", r.getUnit());
        assertEquals(2022, r.getYear());
        assertEquals(LocalDate.of(2023, 3, 28), r.getPublishedOn());
        assertEquals(3, Fixtures.top(r).size());
        assertEquals("福建省2021年度法治政府建设情况", parse("福建省2021年度法治政府建设情况\n一、主要举措和成效\n").getTitle());
        assertEquals("福建省", parse("福建省2021年度法治政府建设情况\n一、主要举措和成效\n").getUnit());
        assertEquals("某某市2021年法治政府建设年度报告", parse("某某市2021年法治政府建设年度报告\n一、主要举措和成效\n").getTitle());
        assertEquals("某某市2021年法治政府建设工作报告", parse("某某市2021年法治政府建设工作报告\n一、主要举措和成效\n").getTitle());
    }

    @Test
    void aSentenceIsNoTitle() {
        Report r = parse("某某县人民政府\n2024年，某某县法治政府建设工作情况良好。\n一、主要举措和成效\n");
        assertNull(r.getTitle());
    }

    // ---- 3. units

    @Test
    void unitWhenTheYearComesFirstOrAfterGuanyu() {
        assertEquals("上海市", parse("2024年上海市法治政府建设情况报告\n一、主要举措和成效\n").getUnit());
        assertEquals("静海区", parse("2020年静海区法治政府建设年度报告\n一、主要举措和成效\n").getUnit());
        assertEquals("福州市", parse("关于福州市2022年法治政府建设情况的报告\n一、主要举措和成效\n").getUnit());
        assertEquals(2022, parse("关于福州市2022年法治政府建设情况的报告\n一、主要举措和成效\n").getYear());
    }

    @Test
    void unitFromTheOpeningSentenceWhenNoTitleIsPrinted() {
        Report a = parse("2024年，郎溪县坚持依法行政，法治政府建设取得新成效。\n一、主要举措和成效\n正文。\n");
        assertNull(a.getTitle());
        assertEquals("郎溪县", a.getUnit());
        assertEquals(2024, a.getYear());
        Report b = parse("现将北京市石景山区人民政府2023年法治政府建设情况报告如下。\n一、主要举措和成效\n正文。\n");
        assertEquals("石景山区", b.getUnit());
        assertEquals(2023, b.getYear());
        assertNull(parse("2024年，我镇坚持依法行政。\n一、主要举措和成效\n").getUnit());
    }

    @Test
    void unitFromTheSignatureWhenNothingElseNamesIt() {
        Report r = parse("一、主要举措和成效\n我局坚持依法行政。\n二、存在的不足\n正文。\n上海市司法局\n2025年2月10日\n");
        assertEquals("上海市司法局", r.getUnit());
        assertEquals(LocalDate.of(2025, 2, 10), r.getSignedOn());
    }

    @Test
    void chromeDatesAboveAnUntitledReportAreNoReportYear() {
        Report r = parse("发布时间：2025年3月20日\n【字体:大 中 小\n2024年，某某县坚持依法行政。\n一、主要举措和成效\n正文。\n");
        assertEquals(2024, r.getYear());
        assertEquals("某某县", r.getUnit());
        assertEquals(LocalDate.of(2025, 3, 20), r.getPublishedOn());
        assertEquals(1, Fixtures.top(r).size());
        assertEquals(List.of(2024), r.getYearMentions().stream().map(YearMention::getYear).toList());
    }

    /** A city department, and province- and municipality-level departments, keep their region. */
    @Test
    void departmentsKeepTheirRegion() {
        assertEquals("江苏省司法厅", Meta.unitOf("江苏省司法厅"));
        assertEquals("上海市司法局", Meta.unitOf("上海市司法局"));
        assertEquals("广东省市场监督管理局", Meta.unitOf("广东省市场监督管理局"));
        assertEquals("郑州市教育局", Meta.unitOf("郑州市教育局"));
        assertEquals("沙坪坝区司法局", Meta.unitOf("重庆市沙坪坝区司法局"));
        assertEquals("石景山区", Meta.unitOf("北京市石景山区人民政府"));
        assertEquals("上海市", Meta.unitOf("上海市人民政府"));
        Report r = parse("郑州市教育局2023年度法治政府建设工作报告\n发布时间：2024-03-15\n"
                + "2023年，市教育局坚持依法治教。\n一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n");
        assertEquals("郑州市教育局", r.getUnit());
        assertEquals(2023, r.getYear());
        assertEquals(LocalDate.of(2024, 3, 15), r.getPublishedOn());
    }

    /** A joint party-and-government report names the place, not the party committee. */
    @Test
    void jointPartyAndGovernmentReport() {
        assertEquals("浚县", Meta.unitOf("中共浚县县委 浚县人民政府"));
        assertEquals("浚县", Meta.unitOf("中共浚县县委、浚县人民政府"));
        assertEquals("浚县", Meta.unitOf("中共浚县县委浚县人民政府"));
        Report r = parse("中共浚县县委 浚县人民政府\n关于2023年度法治政府建设情况的报告\n"
                + "2023年，全县坚持依法行政。\n一、主要举措和成效\n正文。\n");
        assertEquals("浚县", r.getUnit());
        assertEquals(2023, r.getYear());
    }

    // ---- 4. year

    @Test
    void aCitationOrDocumentNumberIsNeverTheYear() {
        Report r = parse("为贯彻《法治政府建设实施纲要(2021—2025年)》，依据某府发〔2025〕3号，2024年，某某县坚持依法行政。\n"
                + "一、主要举措和成效\n正文。\n");
        assertEquals(2024, r.getYear());
        // the opening sentence comes before the headings
        Report o = parse("2023年，某某县坚持依法行政。\n一、2024年工作打算\n正文。\n");
        assertEquals(2023, o.getYear());
    }

    // ---- 5. part 1 by position and content; 一是/二是 sub-headings

    private static List<Set<Part>> topParts(String text) {
        return Fixtures.top(parse(text)).stream().map(Section::getParts).toList();
    }

    @Test
    void partOneByPositionBeforeTheShortcomings() {
        String head = "某某市司法局关于2024年度法治政府建设情况的报告\n2024年，市司法局坚持依法行政。\n";
        assertEquals(List.of(Set.of(Part.MEASURES_RESULTS), Set.of(Part.MEASURES_RESULTS), Set.of(Part.SHORTCOMINGS),
                        Set.of(Part.NEXT_YEAR_PLAN)),
                topParts(head + "一、坚持党的领导，思想引领有力\n正文。\n二、组织领导\n正文。\n三、存在的不足和原因\n正文。\n"
                        + "四、2025年工作打算\n正文。\n"));
        assertEquals(Set.of(Part.MEASURES_RESULTS),
                topParts(head + "一、2024年度工作情况\n正文。\n二、存在的问题\n正文。\n").get(0));
        assertEquals(Set.of(Part.MEASURES_RESULTS),
                topParts(head + "一、2024年度法治政府建设成效显著\n正文。\n二、存在的问题\n正文。\n").get(0));
        assertEquals(Set.of(Part.MEASURES_RESULTS),
                topParts(head + "一、2024年度工作总体情况\n正文。\n二、存在的问题\n正文。\n").get(0));
        // a year alone makes no plan of the report year's work; the next year's work stays the plan
        List<Set<Part>> p = topParts(head + "一、2024年重点工作\n正文。\n二、存在的问题\n正文。\n三、2025年主要工作\n正文。\n");
        assertEquals(List.of(Set.of(Part.MEASURES_RESULTS), Set.of(Part.SHORTCOMINGS), Set.of(Part.NEXT_YEAR_PLAN)), p);
        // a heading about a later year is never part 1, wherever it stands
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), topParts(head + "一、2025年工作安排\n正文。\n").get(0));
    }

    @Test
    void firstResponsibleSubHeadingIsTagged() {
        Report r = parse("某某乡人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n"
                + "一是健全制度。正文。\n二是压实法治建设第一责任人职责。主要负责人带头学法4次。\n二、存在的不足\n正文。\n");
        Section second = r.getSections().stream().filter(s -> s.getMarker().equals("二是")).findFirst().orElseThrow();
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), second.getParts());
        Section first = r.getSections().stream().filter(s -> s.getMarker().equals("一是")).findFirst().orElseThrow();
        assertEquals(Set.of(), first.getParts());
    }

    /** A unit's history matches across years however its report names it (UnitNames is the key of the history). */
    @Test
    void historyMatchesAcrossYears() {
        String y2023 = parse("江苏省司法厅关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n").getUnit();
        String y2024 = parse("来源：江苏省司法厅\n关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n").getUnit();
        assertEquals(UnitNames.normalise(y2023), UnitNames.normalise(y2024));
        assertNotEquals(UnitNames.normalise(y2023), UnitNames.normalise(
                parse("广东省司法厅关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n").getUnit()));
        String joint = parse("中共浚县县委 浚县人民政府\n关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n").getUnit();
        String alone = parse("浚县人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n").getUnit();
        assertEquals(UnitNames.normalise(joint), UnitNames.normalise(alone));
        // the name the parser gave before (the party committee) still finds the same history
        assertEquals(UnitNames.normalise(alone), UnitNames.normalise("中共浚县县委"));
        assertEquals("关坝镇", UnitNames.normalise("重庆市綦江区关坝镇人民政府"));
    }

    /** Any one chrome line above a sample reproduced the issue; the samples must read the same with it. */
    @ParameterizedTest
    @ValueSource(strings = {"Copyright © 2025 某某区人民政府 版权所有", "某公网安备 50010602500861号", "【字体:大 中 小", "浏览次数：321"})
    void samplesReadTheSameUnderAChromeLine(String chrome) {
        for (String name : SampleReports.ALL) {
            Report plain = parse(SampleReports.text(name));
            Report r = parse(chrome + "\n" + SampleReports.text(name));
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

    /** Issue 13, item 6: a miscited period is advised to become the nearest canonical edition. */
    @Test
    void miscitedPeriodIsAdvisedTheNearestEdition() {
        var later = new tijian.rules.CanonicalTitle("法治政府建设实施纲要（2021－2025年）", "中发〔2021〕33号");
        var earlier = new tijian.rules.CanonicalTitle("法治政府建设实施纲要（2015－2020年）", "");
        List<tijian.rules.CanonicalTitle> both = List.of(later, earlier);
        assertSame(later, tijian.rules.RuleFunctions.closestTitle("法治政府建设实施纲要(2022—2025年)", both));
        assertSame(later, tijian.rules.RuleFunctions.closestTitle("法治政府建设实施纲要(2022—2025年)", List.of(earlier, later)));
        assertSame(earlier, tijian.rules.RuleFunctions.closestTitle("法治政府建设实施纲要(2015-2020)", both));
        assertSame(later, tijian.rules.RuleFunctions.closestTitle("法治政府建设实施纲要(2021—2025)", both));
        assertSame(later, tijian.rules.RuleFunctions.closestTitle("法治政府建设实施纲要", both));
    }

    // ---- the samples keep their reading

    @Test
    void samplesKeepTheirUnitsAndYears() {
        assertEquals("沙坪坝街道", parse(SampleReports.text(SampleReports.SHAPINGBA)).getUnit());
        assertEquals("关坝镇", parse(SampleReports.text(SampleReports.GUANBA)).getUnit());
        assertEquals("海棠溪街道", parse(SampleReports.text(SampleReports.HAITANGXI)).getUnit());
        assertEquals(2023, parse(SampleReports.text(SampleReports.HAITANGXI)).getYear());
    }
}
