package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Issue 9: text files that are readable are read, and what was replaced is counted. */
class DecodingTest {
    static final DocumentReader READER = new DocumentReader(20 * 1024 * 1024, Duration.ofSeconds(20));

    static String sample() {
        try (InputStream in = DecodingTest.class.getResourceAsStream("/reports/guanba-town-2025.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void utf16WithoutBomIsRecognisedInBothByteOrders() {
        String text = sample();
        for (var cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Document d = READER.read(text.getBytes(cs), "report.txt", null);
            assertEquals(cs.name(), d.charset());
            assertTrue(d.text().startsWith(text.strip().substring(0, 10)), d.text().substring(0, 40));
            assertEquals(0, d.replaced());
        }
    }

    @Test
    void shortChineseUtf16WithoutBomIsNotBinary() {
        Document d = READER.read("关于2025年法治政府建设情况的报告\n一、主要举措和成效".getBytes(StandardCharsets.UTF_16LE), null, null);
        assertEquals("UTF-16LE", d.charset());
        assertTrue(d.text().startsWith("关于2025年"));
    }

    @Test
    void aFewBadBytesInUtf8AreReplacedAndCounted() throws IOException {
        byte[] good = sample().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(good, 0, 300);
        b.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a lone surrogate, encoded
        b.write(good, 300, good.length - 300);
        b.write(new byte[] {(byte) 0xE6, (byte) 0xB3}); // the last character cut off
        for (String contentType : new String[] {null, "text/plain; charset=UTF-8"}) {
            Document d = READER.read(b.toByteArray(), "report.txt", contentType);
            assertEquals("UTF-8", d.charset(), contentType);
            assertTrue(d.replaced() >= 2 && d.replaced() <= 6, "replaced " + d.replaced()); // one U+FFFD per malformed sequence or byte
            assertTrue(d.text().contains("\uFFFD"));
            assertTrue(d.text().contains("法治政府建设"), "the rest of the text is intact");
        }
    }

    @Test
    void gbkAndPlainUtf8AreUnchanged() {
        String text = sample();
        Document gbk = READER.read(text.getBytes(Texts.GB18030), "report.txt", null);
        assertEquals("GB18030", gbk.charset());
        assertEquals(0, gbk.replaced());
        Document ascii = READER.read("hello world, this is plain ASCII text and nothing else at all".getBytes(StandardCharsets.US_ASCII), null, null);
        assertEquals("UTF-8", ascii.charset());
    }
}
