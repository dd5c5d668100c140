package tijian.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Builds test documents from the sample reports (which {@link tijian.testsupport.SampleReports} reads). PDFs with
 * Chinese text are not built here but committed, made once by {@link MakePdfFixtures}: building them needs a CJK
 * font, and what a machine has installed must not decide whether the tests pass.
 */
public final class Fixtures {

    private Fixtures() {}

    /** Non-empty lines, stripped. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            String t = l.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    // ------------------------------------------------------------------ docx

    static final Pattern L0 = Pattern.compile("^([一二三四五六七八九十]+)、");
    static final Pattern L1 = Pattern.compile("^([（(])([一二三四五六七八九十]+)([)）])");
    static final Pattern L2 = Pattern.compile("^(\\d{1,2})\\.(?!\\d)");

    public record Docx(byte[] bytes, int numbered) {}

    /**
     * One paragraph per line. Heading markers 一、 / （一） / 1. are turned into real Word automatic numbering (and
     * stripped from the text) whenever the number is the one Word would produce there; otherwise kept as text.
     */
    public static Docx docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String open = "(", close = ")";
            Matcher first = L1.matcher("");
            for (String l : lines(text)) {
                if (first.reset(l).find()) {
                    open = first.group(1);
                    close = first.group(3);
                    break;
                }
            }
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ONE);
            level(abs, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(abs, 1, STNumberFormat.CHINESE_COUNTING, open + "%2" + close);
            level(abs, 2, STNumberFormat.DECIMAL, "%3.");
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs));
            BigInteger numId = numbering.addNum(absId);

            int[] c = new int[3];
            int numbered = 0;
            for (String l : lines(text)) {
                XWPFParagraph p = doc.createParagraph();
                int level = -1;
                String rest = l;
                Matcher m;
                if ((m = L0.matcher(l)).find() && chinese(m.group(1)) == c[0] + 1) {
                    level = 0;
                    rest = l.substring(m.end());
                } else if ((m = L1.matcher(l)).find() && chinese(m.group(2)) == c[1] + 1
                        && m.group(1).equals(open) && m.group(3).equals(close)) {
                    level = 1;
                    rest = l.substring(m.end());
                } else if ((m = L2.matcher(l)).find() && Integer.parseInt(m.group(1)) == c[2] + 1) {
                    level = 2;
                    rest = l.substring(m.end());
                }
                if (level >= 0) {
                    c[level]++;
                    for (int i = level + 1; i < 3; i++) c[i] = 0;
                    p.setNumID(numId);
                    p.setNumILvl(BigInteger.valueOf(level));
                    numbered++;
                }
                p.createRun().setText(rest);
            }
            doc.write(out);
            return new Docx(out.toByteArray(), numbered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void level(CTAbstractNum abs, int ilvl, STNumberFormat.Enum fmt, String text) {
        CTLvl l = abs.addNewLvl();
        l.setIlvl(BigInteger.valueOf(ilvl));
        l.addNewStart().setVal(BigInteger.ONE);
        l.addNewNumFmt().setVal(fmt);
        l.addNewLvlText().setVal(text);
    }

    static int chinese(String s) {
        String d = "一二三四五六七八九";
        if (s.equals("十")) return 10;
        if (s.startsWith("十")) return 10 + d.indexOf(s.charAt(1)) + 1;
        if (s.length() == 1) return d.indexOf(s.charAt(0)) + 1;
        if (s.length() == 2 && s.charAt(1) == '十') return (d.indexOf(s.charAt(0)) + 1) * 10;
        return (d.indexOf(s.charAt(0)) + 1) * 10 + d.indexOf(s.charAt(2)) + 1;
    }

    // ------------------------------------------------------------------ pdf

    interface FontLoader {
        PDFont load(PDDocument doc) throws IOException;
    }

    /**
     * Paragraphs laid out on A4 pages, wrapped at the right margin like a Word export, with a running header
     * and a "- n -" page number at the bottom of every page.
     */
    static byte[] pdf(List<String> paragraphs, FontLoader fontLoader, float size, String header) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = fontLoader.load(doc);
            float margin = 60, width = PDRectangle.A4.getWidth() - 2 * margin, leading = size * 1.6f;
            float top = PDRectangle.A4.getHeight() - margin, bottom = margin + 30;
            List<List<String>> pages = new ArrayList<>();
            List<String> page = new ArrayList<>();
            int perPage = (int) ((top - bottom) / leading) - 2;
            for (String para : paragraphs) {
                for (String line : wrap(para, font, size, width)) {
                    if (page.size() >= perPage) {
                        pages.add(page);
                        page = new ArrayList<>();
                    }
                    page.add(line);
                }
            }
            if (!page.isEmpty()) pages.add(page);
            int no = 0;
            for (List<String> lines : pages) {
                no++;
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    text(cs, font, size * 0.8f, margin, top + 20, header);
                    float y = top - leading;
                    for (String l : lines) {
                        text(cs, font, size, margin, y, l);
                        y -= leading;
                    }
                    text(cs, font, size * 0.8f, margin + width / 2 - 10, margin, "- " + no + " -");
                }
            }
            // PDFBox would derive the document ID from the clock; one from the text makes the same text give the same bytes
            byte[] id = MessageDigest.getInstance("MD5").digest(String.join("\n", paragraphs).getBytes(StandardCharsets.UTF_8));
            doc.getDocument().getTrailer().setItem(COSName.ID, new COSArray(List.of(new COSString(id), new COSString(id))));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** In CJK text, a run of digits and Latin letters (100%, 97.99%, 2026-02-09, ICP) is not broken, as in Word. */
    private static final Pattern CJK_TOKEN = Pattern.compile("[0-9A-Za-z.%/:-]+|.", Pattern.DOTALL);

    /** Greedy wrap: by character for CJK text (numbers and Latin words kept whole), by word for Latin text. */
    static List<String> wrap(String para, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        boolean latin = para.chars().noneMatch(ch -> ch > 0x2E7F);
        String[] tokens = latin ? para.split("(?<= )") : CJK_TOKEN.matcher(para).results().map(MatchResult::group).toArray(String[]::new);
        StringBuilder line = new StringBuilder();
        for (String t : tokens) {
            String candidate = line + t;
            if (font.getStringWidth(candidate.stripTrailing()) / 1000 * size > width && line.length() > 0) {
                out.add(line.toString().stripTrailing());
                line = new StringBuilder(t);
            } else {
                line.append(t);
            }
        }
        if (!line.toString().isBlank()) out.add(line.toString().stripTrailing());
        return out;
    }

    /** A PDF whose only page is an image (a scan) or blank. */
    static byte[] imagePdf(boolean withImage) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                if (withImage) {
                    BufferedImage img = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 280; y += 4) for (int x = 0; x < 200; x++) img.setRGB(x, y, 0x333333);
                    PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                        cs.drawImage(x, 50, 100, 400, 560);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
