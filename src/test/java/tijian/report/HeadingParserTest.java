package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeadingParserTest {

    private static List<Section> parse(String text) {
        return new HeadingParser(Fixtures.wordings()).parse(text);
    }

    private static Section marker(List<Section> sections, String marker) {
        return sections.stream().filter(s -> s.getMarker().equals(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + marker + " in " + sections));
    }

    @Test
    void treeOffsetsAndTitles() {
        String text = "一、主要举措和成效\n（一）强化学习。全年学习12次。\n1.集中学习：每月一次。\n（1）专题\n二、存在的不足和原因\n正文";
        List<Section> s = parse(text);
        assertEquals(List.of("一、", "（一）", "1.", "（1）", "二、"), s.stream().map(Section::getMarker).toList());
        assertEquals(List.of(HeadingStyle.CHINESE, HeadingStyle.PAREN_CHINESE, HeadingStyle.ARABIC,
                HeadingStyle.PAREN_ARABIC, HeadingStyle.CHINESE), s.stream().map(Section::getStyle).toList());
        assertEquals(List.of(-1, 0, 1, 2, -1), s.stream().map(Section::getParent).toList());
        assertEquals(List.of(true, false, false, false, true), s.stream().map(Section::isTopLevel).toList());
        assertEquals("强化学习", s.get(1).getTitle());
        assertEquals("（一）强化学习。", text.substring(s.get(1).getStart(), s.get(1).getEnd()));
        assertEquals("集中学习：每月一次", s.get(2).getTitle());
        assertEquals("专题", s.get(3).getTitle());
        int second = text.indexOf("二、");
        for (int i = 0; i < 4; i++) assertEquals(second, s.get(i).getBodyEnd(), "bodyEnd of " + s.get(i));
        assertEquals(text.length(), s.get(4).getBodyEnd());
        assertTrue(s.stream().allMatch(x -> x.getDefects().isEmpty()));
        assertEquals(List.of(0, 1, 2, 3, 4), s.stream().map(Section::getIndex).toList());
    }

    @Test
    void topLevelIsTheHighestLevelPresent() {
        List<Section> s = parse("（一）甲\n1.乙\n（二）丙");
        assertEquals(List.of(true, false, true), s.stream().map(Section::isTopLevel).toList());
    }

    @Test
    void extraPunctuation() {
        List<Section> s = parse("一、、甲\n（一）、乙\n(二)、丙\n1..丁");
        assertEquals(List.of("extra-punctuation"), marker(s, "一、、").getDefects());
        assertEquals(List.of("extra-punctuation"), marker(s, "（一）、").getDefects());
        assertEquals(List.of("extra-punctuation"), marker(s, "(二)、").getDefects());
        assertEquals(List.of("extra-punctuation"), marker(s, "1..").getDefects());
        assertEquals("甲", marker(s, "一、、").getTitle());
    }

    @Test
    void wrongSeparator() {
        List<Section> s = parse("一.甲\n（一）乙\n1、丙\n2．丁");
        assertEquals(List.of("wrong-separator"), marker(s, "一.").getDefects());
        assertEquals(HeadingStyle.CHINESE, marker(s, "一.").getStyle());
        assertEquals(List.of("wrong-separator"), marker(s, "1、").getDefects());
        assertEquals(HeadingStyle.ARABIC, marker(s, "1、").getStyle());
        assertEquals(List.of(), marker(s, "2．").getDefects());
    }

    @Test
    void skippedAndRepeated() {
        List<Section> s = parse("一、甲\n二、乙\n四、丙\n四、丁\n五、戊");
        assertEquals(List.of(List.of(), List.of(), List.of("skipped"), List.of("repeated"), List.of()),
                s.stream().map(Section::getDefects).toList());
    }

    @Test
    void siblingsAreCountedPerParentAndStyle() {
        // (一)(二) restart under each 一、; 1. restarts under each (一)
        List<Section> s = parse("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n1.孙\n二、乙\n（一）子\n（三）子");
        assertTrue(s.subList(0, 8).stream().allMatch(x -> x.getDefects().isEmpty()), s::toString);
        assertEquals(List.of("skipped"), s.get(8).getDefects());
        // a first child numbered 2 skips 1
        assertEquals(List.of("skipped"), parse("一、甲\n（二）乙").get(1).getDefects());
    }

    @Test
    void mixedWidth() {
        List<Section> s = parse("（一)甲\n(二）乙\n（三）丙\n(1）丁");
        assertEquals(List.of("mixed-width"), s.get(0).getDefects());
        assertEquals(List.of("mixed-width"), s.get(1).getDefects());
        assertEquals(List.of(), s.get(2).getDefects());
        assertEquals(HeadingStyle.PAREN_ARABIC, s.get(3).getStyle());
        assertEquals(List.of("mixed-width"), s.get(3).getDefects());
    }

    @Test
    void inlineHeadingsAfterSentenceEnds() {
        String text = "（一）存在的不足\n1.宣传不够。内容单一，积极性有待激发。2.执法能力仍需加强。经验不足。3、保障不足；设备老旧。";
        List<Section> s = parse(text);
        assertEquals(List.of("（一）", "1.", "2.", "3、"), s.stream().map(Section::getMarker).toList());
        Section two = s.get(2);
        assertEquals("执法能力仍需加强", two.getTitle());
        assertEquals(text.indexOf("2.执法"), two.getStart());
        assertEquals(text.indexOf("3、"), two.getBodyEnd());
        assertEquals(0, two.getParent());
        assertEquals(List.of("wrong-separator"), s.get(3).getDefects());
        assertEquals("保障不足；设备老旧", s.get(3).getTitle());
    }

    @Test
    void figuresAreNotHeadings() {
        String text = "一、主要举措和成效\n"
                + "满意率97.99%。2.5万人次参与活动。3·15消费者权益日开展宣传。1-2项经验可推广。\n"
                + "2026.01.28发布。(2021—2025)规划收官。（社区）工作站建成。村(社区)全覆盖。2025年完成任务。\n"
                + "2.5万人次\n12345热线。(2021—2025年)\n20.3%的村\n";
        List<Section> s = parse(text);
        assertEquals(1, s.size(), s::toString);
    }

    @Test
    void midLineChineseOnlyWhenItContinuesTheNumbering() {
        List<Section> s = parse("一、甲\n正文。二、乙\n正文。一、二季度完成。");
        assertEquals(List.of("一、", "二、"), s.stream().map(Section::getMarker).toList());
    }

    @Test
    void inlineEnumerations() {
        String text = "一、甲\n内容：一是学习。二是决策，三是备案。\n一是另起一段。二是继续\n"
                + "要求如下，一是甲。二是乙。四是丁。\n这是统一是原则，唯一是标准。";
        List<Section> s = parse(text);
        List<Section> inline = s.stream().filter(x -> x.getStyle() == HeadingStyle.INLINE).toList();
        assertEquals(List.of(1, 2, 3, 1, 2, 1, 2, 4), inline.stream().map(Section::getNumber).toList());
        // a paragraph that restarts at 一是 is no repetition; 四是 after 二是 skips
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("skipped")),
                inline.stream().map(Section::getDefects).toList());
        assertTrue(inline.stream().allMatch(x -> x.getParent() == 0 && !x.isTopLevel() && x.getParts().isEmpty()));
        // inline sections end with their paragraph
        Section third = inline.get(2);
        assertEquals("三是备案。", text.substring(third.getStart(), third.getBodyEnd()));
        assertEquals("二是决策，", text.substring(inline.get(1).getStart(), inline.get(1).getEnd()));
    }

    @Test
    void inlineSequenceWithoutSentenceEnd() {
        String text = "一、甲\n一是组织。二是宣传，发放资料1500余份三是创新方式。";
        List<Section> inline = parse(text).stream().filter(x -> x.getStyle() == HeadingStyle.INLINE).toList();
        assertEquals(3, inline.size());
        assertEquals("创新方式", inline.get(2).getTitle());
        assertEquals("宣传，发放资料1500余份", inline.get(1).getTitle());
    }

    @Test
    void partsAreClassifiedAtEveryLevel() {
        List<Section> s = parse("一、工作情况及成效\n（一）主要负责人履行推进法治建设第一责任人职责情况\n"
                + "二、存在的问题及下一步工作打算\n三、下一步主要工作\n四、其他事项\n五、特色亮点\n"
                + "六、主要负责人履行法治建设职责工作开展情况\n七、2026年工作计划\n八、基本情况\n九、不足之处\n十、其他需要报告的情况");
        assertEquals(Set.of(Part.MEASURES_RESULTS), s.get(0).getParts());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), s.get(1).getParts());
        assertEquals(2, s.get(1).getLevel());
        assertEquals(Set.of(Part.SHORTCOMINGS, Part.NEXT_YEAR_PLAN), s.get(2).getParts());
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), s.get(3).getParts());
        assertEquals(Set.of(Part.OTHER_MATTERS), s.get(4).getParts());
        assertEquals(Set.of(), s.get(5).getParts());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), s.get(6).getParts());
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), s.get(7).getParts());
        assertEquals(Set.of(Part.MEASURES_RESULTS), s.get(8).getParts());
        assertEquals(Set.of(Part.SHORTCOMINGS), s.get(9).getParts());
        assertEquals(Set.of(Part.OTHER_MATTERS), s.get(10).getParts());
        assertEquals(10, s.get(10).getNumber());
    }

    @Test
    void pageChromeBeforeTheTitleAndTheFooterAreSkipped() {
        String text = "首页 | 政务公开\n一、机构概况\n二、政策文件\n名称：关于2025年法治政府建设情况的报告\n"
                + "关于2025年法治政府建设情况的报告\n发布日期：2026-02-01\n一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n"
                + "扫一扫在手机打开当前页\n一、返回顶部\n";
        List<Section> s = parse(text);
        assertEquals(List.of("主要举措和成效", "存在的不足和原因"), s.stream().map(Section::getTitle).toList());
        assertEquals("正文。", text.substring(s.get(1).getEnd(), s.get(1).getBodyEnd()).strip());
        assertEquals(text.indexOf("正文。\n扫") + 3, s.get(1).getBodyEnd());
    }

    @Test
    void crlfAndFullWidthDigits() {
        String text = "一、甲\r\n（一）乙\r\n１．丙\r\n二、丁\r\n";
        List<Section> s = parse(text);
        assertEquals(List.of("甲", "乙", "丙", "丁"), s.stream().map(Section::getTitle).toList());
        assertEquals(1, s.get(2).getNumber());
        assertEquals("一、甲", text.substring(s.get(0).getStart(), s.get(0).getEnd()));
    }

    @Test
    void headingNumbersAreReadByChineseNumerals() {
        List<Section> s = parse("十、甲\n十二、乙\n二十三、丙\n（十一）丁\n１２.戊\n");
        assertEquals(List.of(10, 12, 23, 11, 12), s.stream().map(Section::getNumber).toList());
        // markers that are no numeral are no headings
        assertEquals(List.of(), parse("十十、甲\n十一二、乙\n"));
    }

    @Test
    void noHeadings() {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("只有一段正文，没有标题。"));
    }
}
