package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tijian.testsupport.SampleReports;

/**
 * PDF text layer. The Latin PDF is built here (standard Helvetica, no font file needed); the Chinese ones are the
 * committed copies of the sample reports (made once by {@link MakePdfFixtures}), so no test depends on the fonts a
 * machine has.
 */
class PdfTest {

    final DocumentReader reader = new DocumentReader(20L * 1024 * 1024, Duration.ofSeconds(60));

    static final List<String> LATIN = List.of(
            "Annual Report on the Rule of Law in Government 2025",
            "1. Main measures and results",
            "In 2025 the district government continued to build a government under the rule of law. The standing "
                    + "committee studied the rule-of-law work four times, reviewed twelve draft decisions for legality and "
                    + "organised six training sessions for more than three hundred civil servants and community workers.",
            "The district settled 489 disputes through mediation, a success rate of 100 percent, of which 114 were "
                    + "disputes between neighbours, 96 were compensation claims, 52 concerned property management, 39 were "
                    + "family disputes and 188 were other disputes. No dispute escalated into a criminal case.",
            "2. Shortcomings and their causes",
            "Legal education is not yet targeted enough at elderly residents, young people and employees of small "
                    + "enterprises, and the enforcement team was formed recently, so some officers still lack experience "
                    + "with complex cases. The main causes are limited staff and training time.",
            "3. Plan for 2026",
            "In 2026 the district will mediate no fewer than 200 disputes, keep the head appearance rate in court at "
                    + "100 percent and raise public satisfaction with law enforcement to 98 percent or more.");

    @Test
    void latinPdfParagraphsAreJoinedAndPageChromeDropped() {
        // small pages force several page breaks, so the running header and page numbers repeat
        List<String> paras = new ArrayList<>();
        for (int i = 0; i < 3; i++) paras.addAll(LATIN);
        byte[] pdf = Fixtures.pdf(paras, doc -> new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11, "District Government Annual Report");
        Document d = reader.read(pdf, "report.pdf", "application/pdf");
        assertEquals("pdf", d.format());
        List<String> lines = Fixtures.lines(d.text());
        assertEquals(paras, lines, d.text());
        assertFalse(d.text().contains("District Government Annual Report"), "running header removed");
        assertFalse(d.text().matches("(?s).*- \\d+ -.*"), "page numbers removed");
    }

    @Test
    void chinesePdfFromSampleReport() {
        List<String> paras = Fixtures.lines(SampleReports.text(SampleReports.SHAPINGBA));
        Document d = reader.read(SampleReports.document(SampleReports.SHAPINGBA, "pdf"), null, null);
        assertEquals("pdf", d.format());
        List<String> lines = Fixtures.lines(d.text());
        // headings on their own lines
        assertTrue(lines.contains("一、2025年推进法治政府建设的主要举措和成效"), d.text());
        assertTrue(lines.contains("(一)强化理论武装,筑牢法治思想根基"));
        assertTrue(lines.contains("三、2025年推进法治政府建设存在的不足和原因"));
        assertTrue(lines.contains("(二)原因分析"));
        // wrapped paragraphs are joined again: nearly every source line comes back as one line
        long same = paras.stream().filter(lines::contains).count();
        assertTrue(same >= paras.size() * 0.9, same + " of " + paras.size() + " lines intact; not intact:\n"
                + String.join("\n", paras.stream().filter(p -> !lines.contains(p)).toList()));
        assertFalse(d.text().contains("沙坪坝街道法治政府建设情况报告"), "running header removed");
    }

    /** The committed PDFs hold their report's whole text in their text layer, in order, without page chrome. */
    @ParameterizedTest
    @ValueSource(strings = {SampleReports.SHAPINGBA, SampleReports.GUANBA, SampleReports.HAITANGXI})
    void everyChinesePdfGivesBackItsReport(String name) {
        Document d = reader.read(SampleReports.document(name, "pdf"), name.replace(".txt", ".pdf"), "application/pdf");
        assertEquals("pdf", d.format());
        // all text, in order (line breaks aside)
        assertEquals(String.join("", Fixtures.lines(SampleReports.text(name))).replace(" ", ""),
                String.join("", Fixtures.lines(d.text())).replace(" ", ""));
        assertFalse(d.text().contains(MakePdfFixtures.HEADERS.get(name)), "running header removed");
        assertFalse(d.text().matches("(?s).*- \\d+ -.*"), "page numbers removed");
    }

    @Test
    void pageNumberPatterns() {
        for (String s : new String[] {"- 1 -", "—12—", "第3页", "第 3 页 共 10 页", "3/10", "Page 2 of 9", "12"}) {
            assertTrue(PdfExtractor.isPageNumber(s), s);
        }
        for (String s : new String[] {"2025年", "一、总体情况", "100%", "第一章"}) {
            assertFalse(PdfExtractor.isPageNumber(s), s);
        }
    }

    @Test
    void lineMergingRespectsPunctuationAndHeadings() {
        List<String> in = List.of(
                "一、主要举措和成效",
                "全年共成功调解矛盾纠纷489件，调解成功率达100%，其中邻里纠纷114",
                "件、损害赔偿纠纷96件、物业纠纷52件、婚姻家庭纠纷39件、其他纠纷",
                "188件。",
                "（一）强化理论武装，筑牢法治思想根基二是建强普法队伍通过推荐选拔",
                "1.法治宣传教育针对性有待提升。");
        List<String> out = PdfExtractor.mergeLines(in);
        assertEquals(List.of(
                "一、主要举措和成效",
                "全年共成功调解矛盾纠纷489件，调解成功率达100%，其中邻里纠纷114件、损害赔偿纠纷96件、物业纠纷52件、婚姻家庭纠纷39件、其他纠纷188件。",
                "（一）强化理论武装，筑牢法治思想根基二是建强普法队伍通过推荐选拔",
                "1.法治宣传教育针对性有待提升。"), out);
    }
}
