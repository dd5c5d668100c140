package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Sentences, paired punctuation and year mentions. */
class TextScannersTest {

    private static List<String> quote(String text, List<Span> spans) {
        return spans.stream().map(s -> text.substring(s.getStart(), s.getEnd())).toList();
    }

    @Test
    void sentences() {
        String text = "甲。乙！丙？丁；戊!己?庚;\n  辛\r\n\r\n他说：“好。”然后 ";
        assertEquals(List.of("甲。", "乙！", "丙？", "丁；", "戊!", "己?", "庚;", "辛", "他说：“好。”", "然后"),
                quote(text, Sentences.split(text)));
        assertEquals(List.of(), Sentences.split("  \n\n\u3000"));
        assertEquals(List.of("满意率97.99%，比2.5万人多"), quote("满意率97.99%，比2.5万人多", Sentences.split("满意率97.99%，比2.5万人多")));
    }

    private static List<String> unpaired(String text) {
        return Punctuation.unpaired(text).stream().map(m -> m.getMark() + "@" + m.getStart()).toList();
    }

    @Test
    void pairedMarks() {
        assertEquals(List.of(), unpaired("“甲”《乙》（丙)(丁）【戊】‘己’\"straight' "));
        assertEquals(List.of("”@6"), unpaired("结合3·15”消费者权益日、“4·15”全民"));
        assertEquals(List.of("）@3"), unpaired("（甲））"));
        assertEquals(List.of("（@3"), unpaired("《纲要（2021》"));
        // pairing stops at the line end
        assertEquals(List.of("“@0", "”@4"), unpaired("“甲\n乙”"));
        UnpairedMark open = Punctuation.unpaired("《乙").get(0);
        assertTrue(open.isOpening());
        assertEquals(1, open.getEnd());
    }

    @Test
    void yearMentions() {
        String text = "关于2025年法治政府建设情况的报告\n"
                + "2025年度，落实《2025年工作要点》(沙府办发〔2025〕46号)和沙府办发202546号，《纲要（2021—2025年）》，"
                + "规划(2021—2025年)，2024年至2025年连续两年。\n一、2026年工作打算\n2026年1月28日开会。\n";
        Span title = new Span(0, text.indexOf('\n'));
        List<Section> sections = new HeadingParser(Fixtures.wordings()).parse(text);
        List<YearMention> years = YearMentions.extract(text, sections, title);
        assertEquals(List.of("2025年", "2025年度", "2026年", "2026年"), quote(text, years.stream().map(Span::of).toList()));
        assertTrue(years.get(0).isInHeading());
        assertEquals(-1, years.get(0).getSection());
        assertFalse(years.get(1).isInHeading());
        assertEquals(2025, years.get(1).getYear());
        assertTrue(years.get(2).isInHeading());
        assertEquals(0, years.get(2).getSection());
        assertFalse(years.get(3).isInHeading());
        assertEquals(0, years.get(3).getSection());
    }
}
