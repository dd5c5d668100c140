package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

import tijian.refusal.Refusal;

/** Every refusal is an Refusal with a status and a stable code, and a message for the user. */
class BadInputTest {

    static final long MAX = 5L * 1024 * 1024;
    final DocumentReader reader = new DocumentReader(MAX, Duration.ofSeconds(30));

    Refusal refused(byte[] b, String name, String type, int status, String code) {
        Refusal e = assertThrows(Refusal.class, () -> reader.read(b, name, type));
        assertEquals(code, e.code(), e.messageEn());
        assertEquals(status, Refusals.status(e), e.code());
        assertFalse(e.messageZh().isBlank());
        assertFalse(e.messageEn().isBlank());
        return e;
    }

    static byte[] docx() {
        return Fixtures.docx(SampleReports.text("haitangxi-street-2023.txt")).bytes();
    }

    static byte[] latinPdf() {
        return Fixtures.pdf(PdfTest.LATIN, doc -> new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11, "Header");
    }

    @Test
    void empty() {
        refused(new byte[0], "a.txt", null, 400, "empty");
        assertEquals("empty", assertThrows(Refusal.class, () -> reader.read(null, null, null)).code());
    }

    @Test
    void whitespaceOnly() {
        refused(" \r\n\t\u3000\u00A0 \n".getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain", 400, "empty");
        refused(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}, null, null, 400, "empty");
        refused("<html><body><div class=\"nav\"> </div><p>&nbsp;</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "a.html", null, 400, "empty");
    }

    @Test
    void randomBytesAreUnsupported() {
        Random r = new Random(20260128L);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1000 + r.nextInt(50_000)];
            r.nextBytes(b);
            Refusal e = refused(b, i % 2 == 0 ? "report.txt" : null, null, 415, "unsupported-type");
            assertTrue(e.messageEn().contains(".txt .html .htm .mhtml .docx .doc .pdf"));
            assertTrue(e.messageZh().contains(".docx"));
        }
    }

    @Test
    void imagesAndOtherFormatsAreUnsupported() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        refused(png, "scan.png", "image/png", 415, "unsupported-type");
        refused(zip("a.txt", "hello".getBytes(StandardCharsets.UTF_8)), "reports.zip", null, 415, "unsupported-type");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("统计").createRow(0).createCell(0).setCellValue("件数");
            wb.write(out);
            Refusal e = refused(out.toByteArray(), "a.xlsx", null, 415, "unsupported-type");
            assertTrue(e.messageZh().contains("Excel"));
        }
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        byte[] b = new byte[(int) MAX + 1];
        Arrays.fill(b, (byte) 'a');
        refused(b, "big.txt", null, 413, "too-large");
    }

    @Test
    void truncatedDocx() {
        byte[] d = docx();
        refused(Arrays.copyOf(d, d.length / 2), "report.docx", null, 422, "corrupt-document");
        refused(Arrays.copyOf(d, 100), "report.docx", null, 422, "corrupt-document");
    }

    @Test
    void truncatedPdf() {
        byte[] p = latinPdf();
        refused(Arrays.copyOf(p, p.length / 2), "report.pdf", null, 422, "corrupt-document");
        refused(Arrays.copyOf(p, 20), null, null, 422, "corrupt-document");
    }

    @Test
    void garbledPdfBody() {
        byte[] p = latinPdf();
        byte[] b = p.clone();
        Random r = new Random(7);
        for (int i = 200; i < b.length - 200; i++) b[i] = (byte) r.nextInt(256);
        refused(b, "report.pdf", null, 422, "corrupt-document");
    }

    @Test
    void docxZipBombWithLyingSizesIsCaughtWhileInflating() throws IOException {
        byte[] bomb = bombDocx();
        // rewrite the central directory so the bomb entry claims 1000 bytes: only the real inflated count can tell
        byte[] name = "word/media/image1.bin".getBytes(StandardCharsets.US_ASCII);
        int patched = 0;
        for (int i = 0; i + 46 < bomb.length; i++) {
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 1 && bomb[i + 3] == 2) {
                int nameLen = (bomb[i + 28] & 0xFF) | (bomb[i + 29] & 0xFF) << 8;
                if (nameLen == name.length && Arrays.equals(Arrays.copyOfRange(bomb, i + 46, i + 46 + nameLen), name)) {
                    bomb[i + 24] = (byte) 0xE8; // 1000, little endian
                    bomb[i + 25] = 0x03;
                    bomb[i + 26] = 0;
                    bomb[i + 27] = 0;
                    patched++;
                }
            }
        }
        assertEquals(1, patched);
        Refusal e = assertThrows(Refusal.class, () -> reader.read(bomb, "bomb.docx", null));
        assertEquals("zip-bomb", e.code(), e.messageEn());
        assertEquals(413, Refusals.status(e));
    }

    @Test
    void docxWithZipBombEntry() throws IOException {
        byte[] bomb = bombDocx();
        assertTrue(bomb.length < MAX);
        refused(bomb, "bomb.docx", null, 413, "zip-bomb");
    }

    static byte[] bombDocx() throws IOException {
        // a real docx plus a 64 MB entry of zeros (compresses ~1000:1)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx()));
             ZipOutputStream zos = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zos.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zos);
                zos.closeEntry();
            }
            zos.putNextEntry(new ZipEntry("word/media/image1.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) zos.write(zeros);
            zos.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void encryptedPdf() throws IOException {
        byte[] plain = latinPdf();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(plain)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        Refusal e = refused(out.toByteArray(), "secret.pdf", null, 422, "encrypted-document");
        assertTrue(e.messageZh().contains("密码"));
    }

    @Test
    void pdfWithOnlyOwnerPasswordIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(latinPdf())) {
            AccessPermission ap = new AccessPermission();
            ap.setCanModify(false);
            doc.protect(new StandardProtectionPolicy("owner-secret", "", ap));
            doc.save(out);
        }
        assertTrue(reader.read(out.toByteArray(), null, null).text().contains("Main measures and results"));
    }

    @Test
    void scannedPdfWithoutTextLayer() {
        Refusal e = refused(Fixtures.imagePdf(true), "scan.pdf", null, 422, "scanned-pdf");
        assertTrue(e.messageZh().contains("扫描") && e.messageZh().contains("OCR"));
        assertTrue(e.messageEn().contains("scanned image") && e.messageEn().contains("OCR"));
        refused(Fixtures.imagePdf(false), "blank.pdf", null, 422, "scanned-pdf");
    }

    @Test
    void encryptedDocx() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (OutputStream os = enc.getDataStream(fs)) {
            os.write(docx());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        refused(out.toByteArray(), "secret.docx", null, 422, "encrypted-document");
    }

    @Test
    void corruptDoc() throws IOException {
        // an OLE2 file with a WordDocument stream of garbage
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] junk = new byte[4096];
            new Random(3).nextBytes(junk);
            fs.createDocument(new ByteArrayInputStream(junk), "WordDocument");
            fs.writeFilesystem(out);
            refused(out.toByteArray(), "old.doc", null, 422, "corrupt-document");
            byte[] truncated = Arrays.copyOf(out.toByteArray(), 700);
            refused(truncated, "old.doc", null, 422, "corrupt-document");
        }
    }

    @Test
    void emptyDocx() throws IOException {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph();
            doc.write(out);
            refused(out.toByteArray(), "blank.docx", null, 422, "no-text");
        }
    }

    @Test
    void exceptionsNeverLeakFromLibraries() {
        // a pile of mangled variants of valid files: only Refusal may come out
        List<byte[]> seeds = List.of(docx(), latinPdf(), SampleReports.text("guanba-town-2025.txt").getBytes(StandardCharsets.UTF_8));
        Random r = new Random(42);
        for (byte[] seed : seeds) {
            for (int i = 0; i < 15; i++) {
                byte[] b = seed.clone();
                for (int k = 0; k < 30; k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                try {
                    reader.read(b, null, null);
                } catch (Refusal expected) {
                    assertTrue(Refusals.status(expected) >= 400 && Refusals.status(expected) < 600);
                }
            }
        }
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
