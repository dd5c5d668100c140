package tijian.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import tijian.testsupport.SampleReports;

/**
 * Makes the committed PDF copies of the sample reports ({@code src/test/resources/documents/*.pdf}); not a test.
 * Each report is laid out on A4 pages, wrapped like a Word export, with a running header and "- n -" page numbers,
 * in a TrueType CJK font of which only the glyphs used are embedded. How to run it: the README in that folder.
 */
public final class MakePdfFixtures {
    /** The running header of each sample's PDF: the unit's name and the report's short title. */
    static final Map<String, String> HEADERS = Map.of(
            SampleReports.SHAPINGBA, "沙坪坝街道法治政府建设情况报告",
            SampleReports.GUANBA, "关坝镇法治政府建设情况报告",
            SampleReports.HAITANGXI, "海棠溪街道法治政府建设情况报告");

    static final float SIZE = 12;

    private MakePdfFixtures() {}

    /**
     * Arguments: a TrueType (glyf outlines, not CFF) font with CJK and Latin glyphs, .ttf or .ttc (the collection's
     * first font is used), and the folder to write into.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MakePdfFixtures <font.ttf> <output folder>");
            System.exit(2);
        }
        File font = new File(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (String name : SampleReports.ALL) {
            byte[] pdf;
            if (font.getName().toLowerCase().endsWith(".ttc")) {
                // the collection stays open until the document is saved: only then is the subset embedded
                try (TrueTypeCollection ttc = new TrueTypeCollection(font)) {
                    TrueTypeFont first = first(ttc);
                    pdf = pdf(name, doc -> PDType0Font.load(doc, first, true));
                }
            } else {
                pdf = pdf(name, doc -> PDType0Font.load(doc, font));
            }
            Path target = out.resolve(name.replaceFirst("\\.txt$", ".pdf"));
            Files.write(target, pdf);
            System.out.printf("%s: %d bytes%n", target, pdf.length);
        }
    }

    private static byte[] pdf(String name, Fixtures.FontLoader font) {
        return Fixtures.pdf(Fixtures.lines(SampleReports.text(name)), font, SIZE, HEADERS.get(name));
    }

    private static TrueTypeFont first(TrueTypeCollection ttc) throws IOException {
        TrueTypeFont[] first = new TrueTypeFont[1];
        ttc.processAllFonts(ttf -> {
            if (first[0] == null) {
                first[0] = ttf;
            }
        });
        return first[0];
    }
}
