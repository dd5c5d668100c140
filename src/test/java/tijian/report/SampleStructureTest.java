package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

class SampleStructureTest {

    private static void assertQuotesBack(Report r) {
        for (Section s : r.getSections()) {
            String q = r.quote(s);
            assertTrue(q.startsWith(s.getMarker()), () -> "heading " + s + " quotes " + q);
            assertTrue(q.contains(s.getTitle()), () -> "heading " + s + " quotes " + q);
            assertTrue(s.getBodyEnd() >= s.getEnd());
            if (s.getParent() >= 0) {
                Section p = r.section(s.getParent());
                assertTrue(p.getLevel() < s.getLevel() && p.contains(s), () -> s + " outside parent " + p);
            }
        }
    }

    private static Section titled(Report r, String title) {
        return r.getSections().stream().filter(s -> s.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no heading titled " + title));
    }

    @Test
    void shapingba() {
        String text = SampleReports.text("shapingba-street-2025.txt");
        Report r = Fixtures.parse(text);
        assertQuotesBack(r);

        assertEquals("沙坪坝街道党工委、沙坪坝街道办事处关于2025年法治政府建设情况的报告", r.getTitle());
        // the standalone title line nearest the body, not the page's "名称:" line
        assertEquals(text.indexOf("\n沙坪坝街道党工委") + 1, r.getTitleSpan().getStart());
        assertEquals("沙坪坝街道党工委、沙坪坝街道办事处", r.getIssuer());
        assertEquals("沙坪坝街道", r.getUnit());
        assertEquals(2025, r.getYear());
        assertEquals(LocalDate.of(2026, 1, 28), r.getPublishedOn());
        assertTrue(r.quote(r.getPublishedOnSpan()).contains("2026-01-28"));
        assertNull(r.getSignedOn());

        List<Section> top = Fixtures.top(r);
        assertEquals(List.of("一、", "二、", "三、", "四、"), top.stream().map(Section::getMarker).toList());
        assertEquals(Set.of(Part.MEASURES_RESULTS), top.get(0).getParts());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), top.get(1).getParts());
        assertEquals(Set.of(Part.SHORTCOMINGS), top.get(2).getParts());
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), top.get(3).getParts());
        assertTrue(r.getSections().stream().noneMatch(s -> s.getParts().contains(Part.OTHER_MATTERS)));
        assertTrue(r.getSections().stream().allMatch(s -> s.getDefects().isEmpty()), () -> r.getSections().toString());

        Section causes = titled(r, "原因分析");
        assertEquals(top.get(2).getIndex(), causes.getParent());
        assertEquals(HeadingStyle.PAREN_CHINESE, causes.getStyle());

        // "…有待激发。2.行政执法能力仍需加强。" — an ARABIC heading inside a paragraph
        Section inline2 = titled(r, "行政执法能力仍需加强");
        assertEquals(HeadingStyle.ARABIC, inline2.getStyle());
        assertEquals("2.", inline2.getMarker());
        assertEquals(2, inline2.getNumber());
        assertEquals("2.行政执法能力仍需加强。", r.quote(inline2));
        assertEquals(titled(r, "存在的不足").getIndex(), inline2.getParent());

        // "…1500余份三是创新宣传方式" — an inline 三是 without a sentence end before it
        assertTrue(r.getSections().stream().anyMatch(s -> s.getStyle() == HeadingStyle.INLINE && s.getNumber() == 3
                && s.getTitle().startsWith("创新宣传方式")));

        // figures are not headings
        assertTrue(r.getSections().stream().noneMatch(s -> s.getTitle().contains("%") && s.getStyle() == HeadingStyle.ARABIC
                && s.getMarker().startsWith("97")));

        // the last part ends before the page footer
        Section last = top.get(3);
        assertTrue(r.body(last).strip().endsWith("贡献街道力量。"));
        assertFalse(r.body(last).contains("Copyright"));

        // exactly the two pasted quotes
        assertEquals(2, r.getUnpairedMarks().size(), r.getUnpairedMarks().toString());
        UnpairedMark a = r.getUnpairedMarks().get(0);
        UnpairedMark b = r.getUnpairedMarks().get(1);
        assertEquals("”", a.getMark());
        assertEquals(text.indexOf("3·15”") + 4, a.getStart());
        assertEquals("”", b.getMark());
        assertEquals(text.indexOf("12345”") + 5, b.getStart());
        assertFalse(a.isOpening());

        // years: citations and document numbers are left out, headings are flagged
        List<YearMention> years = r.getYearMentions();
        assertTrue(years.stream().allMatch(y -> y.getYear() == 2025 || y.getYear() == 2026), years::toString);
        int cited = text.indexOf("《2025年沙坪坝区") + 1;
        assertTrue(years.stream().noneMatch(y -> y.getStart() == cited));
        YearMention plan = years.stream().filter(y -> y.getYear() == 2026 && y.isInHeading()).findFirst().orElseThrow();
        assertEquals(top.get(3).getIndex(), plan.getSection());
        assertTrue(years.stream().anyMatch(y -> y.isInHeading() && y.getSection() == -1 && y.getYear() == 2025),
                "year in the title");
    }

    @Test
    void guanba() {
        String text = SampleReports.text("guanba-town-2025.txt");
        Report r = Fixtures.parse(text);
        assertQuotesBack(r);

        assertEquals("重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告", r.getTitle());
        assertEquals(r.getTitle(), r.quote(r.getTitleSpan()));
        assertEquals("重庆市綦江区关坝镇人民政府", r.getIssuer());
        assertEquals("关坝镇", r.getUnit());
        assertEquals(2025, r.getYear());
        assertEquals(LocalDate.of(2026, 2, 9), r.getPublishedOn());
        assertNull(r.getSignedOn());

        List<Section> top = Fixtures.top(r);
        assertEquals(5, top.size());
        assertEquals(Set.of(Part.MEASURES_RESULTS), top.get(0).getParts());
        assertEquals("特色亮点", top.get(1).getTitle());
        assertEquals(Set.of(), top.get(1).getParts());
        assertEquals(Set.of(Part.FIRST_RESPONSIBLE), top.get(2).getParts());
        assertEquals(Set.of(Part.SHORTCOMINGS), top.get(3).getParts());
        assertEquals(Set.of(Part.NEXT_YEAR_PLAN), top.get(4).getParts());

        List<Section> causes = r.getSections().stream().filter(s -> s.getParent() == top.get(3).getIndex()).toList();
        assertEquals(4, causes.size());
        for (Section s : causes) {
            assertEquals(List.of("extra-punctuation"), s.getDefects(), s::toString);
            assertTrue(s.getMarker().endsWith(")、"));
        }
        assertEquals("部分干部法治能力有待提升", causes.get(0).getTitle());
        // only those four carry defects
        assertEquals(4, r.getSections().stream().filter(s -> !s.getDefects().isEmpty()).count());

        // 一是…六是 across paragraphs under (三)重点举措: one sequence, no noise
        List<Section> inline = r.getSections().stream().filter(s -> s.getStyle() == HeadingStyle.INLINE).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), inline.stream().map(Section::getNumber).toList());
        assertEquals("重点举措", r.section(inline.get(0).getParent()).getTitle());

        // 村(社区) and 2台(套) are no headings; the footer is not in the last part
        assertTrue(r.getSections().stream().noneMatch(s -> s.getTitle().startsWith("社区") || s.getTitle().startsWith("套")));
        assertFalse(r.body(top.get(4)).contains("扫一扫"));
        assertTrue(r.getUnpairedMarks().isEmpty(), r.getUnpairedMarks().toString());
        // breadcrumb "…>2025年" before the title is page chrome, not a year mention
        assertTrue(r.getYearMentions().stream().allMatch(y -> y.getStart() >= r.getTitleSpan().getStart()));
    }

    @Test
    void haitangxi() {
        String text = SampleReports.text("haitangxi-street-2023.txt");
        Report r = Fixtures.parse(text);
        assertQuotesBack(r);

        assertEquals("重庆市南岸区人民政府海棠溪街道办事处关于2023年度法治政府建设情况的报告", r.getTitle());
        // two-line title: the span covers the unit line and the 关于 line
        assertEquals("重庆市南岸区人民政府海棠溪街道办事处\n\n关于2023年度法治政府建设情况的报告", r.quote(r.getTitleSpan()));
        assertEquals("重庆市南岸区人民政府海棠溪街道办事处", r.getIssuer());
        assertEquals("海棠溪街道", r.getUnit());
        assertEquals(2023, r.getYear());
        assertNull(r.getPublishedOn());
        assertNull(r.getPublishedOnSpan());
        assertNull(r.getSignedOn());

        List<Section> top = Fixtures.top(r);
        assertEquals(5, top.size());
        assertEquals(List.of(Set.of(Part.MEASURES_RESULTS), Set.of(Part.FIRST_RESPONSIBLE), Set.of(Part.SHORTCOMINGS),
                Set.of(Part.NEXT_YEAR_PLAN), Set.of(Part.OTHER_MATTERS)), top.stream().map(Section::getParts).toList());
        assertEquals("无", r.body(top.get(4)).strip());
        EnumSet<Part> all = EnumSet.noneOf(Part.class);
        top.forEach(s -> all.addAll(s.getParts()));
        assertEquals(EnumSet.allOf(Part.class), all);
        assertEquals("（一）", r.getSections().get(1).getMarker());
        assertTrue(r.getSections().stream().allMatch(s -> s.getDefects().isEmpty()));
        // （2021—2025年） inside a citation and the range are no mentions; 2024 in part 4 heading is
        assertTrue(r.getYearMentions().stream().noneMatch(y -> y.getYear() == 2021));
        assertTrue(r.getYearMentions().stream().anyMatch(y -> y.getYear() == 2024 && y.isInHeading()
                && y.getSection() == top.get(3).getIndex()));
        assertTrue(r.getUnpairedMarks().isEmpty(), r.getUnpairedMarks().toString());
    }

    @Test
    void sentencesOfASampleQuoteBackTrimmed() {
        String text = SampleReports.text("shapingba-street-2025.txt");
        Report r = Fixtures.parse(text);
        for (Span s : r.getSentences()) {
            String q = r.quote(s);
            assertFalse(q.isBlank());
            assertEquals(q.strip(), q);
            assertFalse(q.contains("\n"));
        }
        assertTrue(r.getSentences().stream().anyMatch(s -> r.quote(s).equals("2.行政执法能力仍需加强。")));
    }
}
