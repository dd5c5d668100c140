package tijian.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import tijian.check.CheckView;
import tijian.rules.ChecklistItem;
import tijian.rules.GradeCap;
import tijian.rules.Severity;
import tijian.rules.Status;

/**
 * A stored check as a PDF a clerk can attach to the submission: title, unit, year, score, grade and why, every item
 * with its quote and advice. The service ships no font and uses none of the machine's: the text is set in
 * STSong-Light, the standard Chinese font of PDF readers (Adobe-GB1, encoding UniGB-UCS2-H), which every reader
 * supplies itself (Acrobat, WPS, Foxit, the browsers' viewers) — the way Chinese PDFs have been written without
 * embedding since PDF 1.2. The text stays searchable and copyable.
 */
@ApplicationScoped
public class CheckPdf {
    private static final Map<Status, String> LABEL = Map.of(Status.FAIL, "不通过", Status.WARN, "需注意",
            Status.NOT_APPLICABLE, "不适用", Status.PASS, "通过");
    private static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    public byte[] render(CheckView check) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = stSong();
            Writer w = new Writer(doc, font);
            CheckView.ReportView report = check.report();
            String title = nz(report.title());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("体检结果 " + title);
            info.setCreator("法治报告体检");
            w.line("法治报告体检　体检结果", 10, Colour.MUTED);
            w.gap(4);
            w.paragraph(title.isEmpty() ? "（未识别出报告标题）" : title, 16, Colour.INK);
            List<String> meta = new ArrayList<>();
            if (!nz(report.unit()).isEmpty()) meta.add(report.unit());
            if (report.year() != null) meta.add(report.year() + " 年度");
            meta.add("体检时间 " + CHECKED_AT.format(check.checkedAt()));
            w.paragraph(String.join(" · ", meta), 10, Colour.MUTED);
            w.gap(8);
            w.paragraph("得分 " + check.score() + " 分　等级 " + check.grade().label(), 18, Colour.RED);
            Map<Status, Integer> counts = check.counts();
            w.paragraph("不通过 " + counts.getOrDefault(Status.FAIL, 0) + " 项 · 需注意 " + counts.getOrDefault(Status.WARN, 0)
                    + " 项 · 不适用 " + counts.getOrDefault(Status.NOT_APPLICABLE, 0) + " 项 · 通过 "
                    + counts.getOrDefault(Status.PASS, 0) + " 项", 11, Colour.INK);
            GradeCap cap = check.gradeCap();
            if (cap != null) {
                w.gap(4);
                List<String> titles = cap.items().stream().map(GradeCap.CapItem::title).toList();
                w.paragraph(cap.explanation() + "（按得分本应为" + cap.scoreGrade().label() + "）：" + String.join("；", titles), 11, Colour.WARN);
            }
            for (String n : check.notices()) {
                w.paragraph(n, 10, Colour.WARN);
            }
            w.gap(10);
            for (ChecklistItem item : check.items()) {
                w.gap(6);
                w.paragraph("【" + LABEL.get(item.status()) + "】" + item.title()
                        + (item.severity() == Severity.MANDATORY ? "（必查项）" : ""), 12, Colour.of(item.status()));
                if (!nz(item.message()).isEmpty()) w.paragraph(item.message(), 10.5f, Colour.INK);
                int shown = 0;
                for (ChecklistItem.Evidence e : item.evidence()) {
                    if (shown++ == 3) {
                        w.paragraph("……另有 " + (item.evidence().size() - 3) + " 处", 9.5f, Colour.MUTED);
                        break;
                    }
                    if (e.inText()) {
                        w.paragraph("原文：“" + e.quote() + "”", 9.5f, Colour.MUTED);
                    }
                    if (e.elsewhere() != null) {
                        w.paragraph(e.elsewhere().cited(), 9.5f, Colour.MUTED);
                    }
                }
                if ((item.status() == Status.FAIL || item.status() == Status.WARN) && !nz(item.advice()).isEmpty()) {
                    w.paragraph("修改建议：" + item.advice(), 10.5f, Colour.INK);
                    if (!nz(item.basis()).isEmpty()) {
                        w.paragraph("依据：" + item.basis(), 9.5f, Colour.MUTED);
                    }
                }
            }
            w.gap(14);
            w.paragraph("规则版本 " + check.ruleSet().revision() + " · 体检编号 " + check.id(), 8.5f, Colour.MUTED);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** STSong-Light, not embedded: a Type0 font over a CIDFontType0 of the Adobe-GB1 collection. */
    static PDType0Font stSong() throws IOException {
        COSDictionary info = new COSDictionary();
        info.setString(COSName.REGISTRY, "Adobe");
        info.setString(COSName.ORDERING, "GB1");
        info.setInt(COSName.SUPPLEMENT, 2);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray box = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            box.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cid.setName(COSName.BASE_FONT, "STSong-Light");
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSArray widths = new COSArray();   // the half-width Latin of Adobe-GB1 (CIDs 1–95 = U+0020–U+007E)
        widths.add(COSInteger.get(1));
        widths.add(COSInteger.get(95));
        widths.add(COSInteger.get(500));
        cid.setItem(COSName.W, widths);
        COSArray descendants = new COSArray();
        descendants.add(cid);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return new PDType0Font(font);
    }

    enum Colour {
        INK(0.12f, 0.12f, 0.12f), MUTED(0.38f, 0.38f, 0.38f), RED(0.56f, 0.11f, 0.11f), WARN(0.62f, 0.26f, 0f),
        FAIL(0.72f, 0.11f, 0.11f), PASS(0.11f, 0.37f, 0.13f), NA(0.33f, 0.43f, 0.48f);

        final float r, g, b;

        Colour(float r, float g, float b) { this.r = r; this.g = g; this.b = b; }

        static Colour of(Status status) {
            return switch (status) {
                case FAIL -> FAIL;
                case WARN -> WARN;
                case PASS -> PASS;
                case NOT_APPLICABLE -> NA;
            };
        }
    }

    /** Lines of text down A4 pages, wrapped by width (Chinese wraps anywhere), with a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPage page;
        private COSName fontName;
        /** The page's content: text operators, the text itself as hex UCS-2 codes (what UniGB-UCS2-H reads). */
        private final StringBuilder content = new StringBuilder();
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                flush();
            }
            page = new PDPage(PDRectangle.A4);
            PDResources resources = new PDResources();
            fontName = resources.add(font);
            page.setResources(resources);
            doc.addPage(page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void flush() throws IOException {
            PDStream stream = new PDStream(doc);
            try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                os.write(content.toString().getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            content.setLength(0);
        }

        void gap(float points) {
            y -= points;
        }

        void line(String s, float size, Colour c) throws IOException {
            paragraph(s, size, c);
        }

        void paragraph(String s, float size, Colour c) throws IOException {
            String text = printable(s);
            float leading = size * 1.55f;
            int start = 0;
            while (start < text.length()) {
                int end = start + 1;
                while (end < text.length() && width(text.substring(start, end + 1), size) <= WIDTH) {
                    end++;
                }
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                content.append(String.format(Locale.ROOT, "BT /%s %.1f Tf %.3f %.3f %.3f rg %.2f %.2f Td <", fontName.getName(), size,
                        c.r, c.g, c.b, MARGIN, y));
                for (char ch : text.substring(start, end).toCharArray()) {
                    content.append(String.format("%04X", (int) ch));
                }
                content.append("> Tj ET\n");
                start = end;
            }
        }

        /** The widths the font dictionary declares: half-width Latin, everything else a full em. */
        private static float width(String s, float size) {
            float units = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                units += c >= 0x20 && c <= 0x7e ? 500 : 1000;
            }
            return units / 1000 * size;
        }

        /** Line breaks and tabs become spaces; characters beyond the BMP (UCS-2) become "?". */
        private static String printable(String s) {
            StringBuilder b = new StringBuilder();
            // "·" is not in the GB 2312 repertoire of Adobe-GB1's UCS-2 map; the full-width bar is
            s.replaceAll("[\\r\\n\\t]+", " ").replace('·', '｜').codePoints().forEach(cp -> b.append(cp > 0xFFFF ? "?" : new String(Character.toChars(cp))));
            return b.toString();
        }

        void close() throws IOException {
            flush();
        }
    }
}
