package tijian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import tijian.check.CheckView;
import tijian.check.CheckViewJson;

/** The PDF of a check needs no font on the machine, and its Chinese text can be found again (searched, copied). */
class CheckPdfTest {
    @Test
    void aCheckBecomesAPdfWhoseChineseTextReadsBack() throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"id":"structure.causes%d","title":"分析不足的原因%d","severity":"MANDATORY","status":"FAIL",
                     "message":"“存在的不足”部分只列问题，没有分析原因。Rate 100%%.","advice":"在“存在的不足和原因”部分逐条分析原因。",
                     "evidence":[{"start":0,"end":4,"quote":"部分干部法治能力有待提升"}]}""".formatted(i, i));
        }
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        new CheckViewJson().customize(json);
        CheckView check = json.readValue("""
                {"id":"0b7c0f3e-1111-2222-3333-444455556666","checkedAt":"2026-03-01T08:00:00.123Z","ruleSet":{"revision":"abc123"},
                 "report":{"title":"重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告","unit":"关坝镇","year":2025},
                 "score":86.7,"grade":"合格","counts":{"FAIL":2,"WARN":5,"NOT_APPLICABLE":1,"PASS":24},
                 "gradeCap":{"scoreGrade":"良好","grade":"合格","mandatoryFailures":2,"items":[{"id":"a","title":"百分比不超过100%%"}],
                             "explanation":"2 项必查项不通过，等级封顶为合格"},
                 "notices":[],"items":[%s]}""".formatted(items), CheckView.class);
        byte[] pdf = new CheckPdf().render(check);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "check.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1, "forty items run over more than one page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("关坝镇人民政府关于2025年度法治政府建设情况的报告"), text.substring(0, Math.min(300, text.length())));
            assertTrue(text.contains("2 项必查项不通过，等级封顶为合格"), "the grade cap");
            assertTrue(text.contains("修改建议"), "the advice");
            assertTrue(text.contains("86.7"), "the score");
            assertEquals("STSong-Light-UniGB-UCS2-H", doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next()).getName(), "no font embedded: the reader's own");
        }
    }
}
