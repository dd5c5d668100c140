package tijian.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Builds test documents from the sample reports (nothing is read from outside src/test/resources). */
final class Fixtures {

    private Fixtures() {}

    static String report(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    record Docx(byte[] bytes, int numbered) {}

    /**
     * One paragraph per line. Heading markers 一、 / （一） / 1. are turned into real Word automatic numbering (and
     * stripped from the text) whenever the number is the one Word would produce there; otherwise kept as text.
     */
    static Docx docx(String text) {
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

    /** A font file with CJK glyphs installed on this machine, if any. */
    static Optional<File> cjkFont() {
        List<Path> roots = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
                Path.of(System.getProperty("user.home"), ".fonts"), Path.of("C:/Windows/Fonts"), Path.of("/System/Library/Fonts"));
        Pattern name = Pattern.compile("(?i).*(wqy|notosanscjk|notoserifcjk|noto.*cjk|droidsansfallback|simsun|simhei|msyh|sourcehan|arphic|uming|ukai).*\\.(ttf|ttc|otf)$");
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root, 6)) {
                Optional<Path> f = s.filter(p -> name.matcher(p.getFileName().toString()).matches())
                        .filter(p -> !p.getFileName().toString().toLowerCase().endsWith(".otf")) // CFF CJK fonts are not embeddable as Type0 by PDFBox
                        .sorted().findFirst();
                if (f.isPresent()) return Optional.of(f.get().toFile());
            } catch (IOException ignored) {
                // try the next root
            }
        }
        return Optional.empty();
    }

    interface FontLoader {
        PDFont load(PDDocument doc) throws IOException;
    }

    static FontLoader fontFile(File f) {
        return doc -> {
            if (f.getName().toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(f);
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(ttf -> {
                    if (first[0] == null) first[0] = ttf;
                });
                return PDType0Font.load(doc, first[0], true);
            }
            return PDType0Font.load(doc, f);
        };
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
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Greedy wrap: by character for CJK text, by word for Latin text. */
    static List<String> wrap(String para, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        boolean latin = para.chars().noneMatch(ch -> ch > 0x2E7F);
        String[] tokens = latin ? para.split("(?<= )") : para.split("");
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
