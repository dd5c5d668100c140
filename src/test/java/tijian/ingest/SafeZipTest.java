package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

import tijian.refusal.Refusal;

class SafeZipTest {

    static final SafeZip.Limits LIMITS = new SafeZip.Limits(10, 8L * 1024 * 1024, 4L * 1024 * 1024, 100, 1);

    /** A zip with the given entries; names written in {@code charset} without the UTF-8 flag when not UTF-8. */
    static byte[] zip(Map<String, byte[]> entries, Charset charset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            z.setEncoding(charset.name());
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            z.setUseLanguageEncodingFlag(utf8);
            z.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> files(Consumer<Map<String, byte[]>> c) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        c.accept(m);
        return m;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void refused(byte[] zip, SafeZip.Limits limits, int status, String code) {
        Refusal e = assertThrows(Refusal.class, () -> SafeZip.entries(zip, limits));
        assertEquals(code, e.code(), e.messageEn());
        assertEquals(status, Refusals.status(e));
    }

    @Test
    void gbkNamesFromChineseWindows() throws IOException {
        byte[] docx = Fixtures.docx(SampleReports.text("guanba-town-2025.txt")).bytes();
        byte[] z = zip(files(m -> {
            m.put("2025年法治政府建设报告/", new byte[0]);
            m.put("2025年法治政府建设报告/关坝镇.docx", docx);
            m.put("2025年法治政府建设报告/沙坪坝街道.txt", utf8("报告"));
        }), Charset.forName("GBK"));
        List<SafeZip.Entry> entries = SafeZip.entries(z, LIMITS);
        assertEquals(List.of("2025年法治政府建设报告/关坝镇.docx", "2025年法治政府建设报告/沙坪坝街道.txt"),
                entries.stream().map(SafeZip.Entry::path).toList());
        assertArrayEquals(docx, entries.get(0).bytes(), "a docx inside is a document, not a nested archive");
    }

    @Test
    void utf8NamesAndMacJunk() throws IOException {
        byte[] z = zip(files(m -> {
            m.put("报告/海棠溪街道.txt", utf8("一、主要举措"));
            m.put("__MACOSX/报告/._海棠溪街道.txt", new byte[10]);
            m.put("报告/.DS_Store", new byte[10]);
            m.put("./报告//二级/关坝镇.html", utf8("<p>报告</p>"));
        }), StandardCharsets.UTF_8);
        assertEquals(List.of("报告/海棠溪街道.txt", "报告/二级/关坝镇.html"),
                SafeZip.entries(z, LIMITS).stream().map(SafeZip.Entry::path).toList());
    }

    @Test
    void tooManyEntries() throws IOException {
        byte[] z = zip(files(m -> {
            for (int i = 0; i < 11; i++) m.put("f" + i + ".txt", utf8("x" + i));
        }), StandardCharsets.UTF_8);
        refused(z, LIMITS, 413, "too-many-entries");
    }

    @Test
    void compressionRatio() throws IOException {
        byte[] z = zip(files(m -> m.put("zeros.txt", new byte[3 * 1024 * 1024])), StandardCharsets.UTF_8);
        refused(z, LIMITS, 413, "zip-bomb");
    }

    @Test
    void totalSize() throws IOException {
        // incompressible entries: each under the entry limit, together over the total
        java.util.Random r = new java.util.Random(1);
        byte[] z = zip(files(m -> {
            for (int i = 0; i < 3; i++) {
                byte[] b = new byte[3 * 1024 * 1024];
                r.nextBytes(b);
                m.put("r" + i + ".bin", b);
            }
        }), StandardCharsets.UTF_8);
        refused(z, LIMITS, 413, "zip-bomb");
    }

    @Test
    void nesting() throws IOException {
        byte[] inner = zip(files(m -> m.put("a.txt", utf8("甲"))), StandardCharsets.UTF_8);
        byte[] middle = zip(files(m -> m.put("inner.zip", inner)), StandardCharsets.UTF_8);
        byte[] outer = zip(files(m -> m.put("middle.zip", middle)), StandardCharsets.UTF_8);
        // one level is allowed and flattened into the path
        List<SafeZip.Entry> ok = SafeZip.entries(middle, LIMITS);
        assertEquals("inner.zip/a.txt", ok.get(0).path());
        assertEquals("甲", new String(ok.get(0).bytes(), StandardCharsets.UTF_8));
        refused(outer, LIMITS, 422, "nested-archive");
        refused(middle, new SafeZip.Limits(10, 1 << 20, 1 << 20, 100, 0), 422, "nested-archive");
    }

    @Test
    void pathTraversal() throws IOException {
        for (String bad : new String[] {"../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:\\Windows\\evil.txt", "..\\evil.txt"}) {
            byte[] z = zip(files(m -> m.put(bad, utf8("x"))), StandardCharsets.UTF_8);
            refused(z, LIMITS, 422, "unsafe-path");
        }
    }

    @Test
    void corruptArchive() throws IOException {
        byte[] z = zip(files(m -> m.put("a.txt", utf8("一二三四五六七八九十".repeat(100)))), StandardCharsets.UTF_8);
        refused(java.util.Arrays.copyOf(z, z.length / 2), LIMITS, 422, "corrupt-archive");
        refused(utf8("not a zip"), LIMITS, 415, "unsupported-type");
        refused(new byte[0], LIMITS, 400, "empty");
    }
}
