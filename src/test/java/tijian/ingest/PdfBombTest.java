package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

import tijian.refusal.Refusal;

/** Issue 9: a small PDF whose page content inflates to gigabytes is refused, and its worker stops. */
class PdfBombTest {
    /** A one-page PDF whose content stream is {@code inflated} bytes of spaces, stored deflated (about 1/1000). */
    static byte[] bomb(long inflated) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (long n = 0; n < inflated; n += spaces.length) out.write(spaces);
            }
            page.setContents(content);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            doc.save(pdf);
            return pdf.toByteArray();
        }
    }

    @Test
    void aContentStreamInflatingBeyondTheCapIsRefused() throws Exception {
        byte[] pdf = bomb(PdfExtractor.MAX_CONTENT_BYTES + (8L << 20));
        assertTrue(pdf.length < 2 * 1024 * 1024, "small on disk: " + pdf.length);
        int runawayBefore = DocumentReader.runawayWorkers();
        Refusal e = assertThrows(Refusal.class,
                () -> new DocumentReader(20 << 20, Duration.ofSeconds(60)).read(pdf, "bomb.pdf", null));
        assertEquals(413, Refusals.status(e));
        assertEquals("zip-bomb", e.code());
        assertEquals(runawayBefore, DocumentReader.runawayWorkers(), "no worker left running");
    }

    @Test
    void aWorkerThatTimesOutInsideAContentStreamStops() throws Exception {
        byte[] pdf = bomb(PdfExtractor.MAX_CONTENT_BYTES - (8L << 20)); // under the cap: only the deadline stops it
        int runawayBefore = DocumentReader.runawayWorkers();
        Refusal e = assertThrows(Refusal.class,
                () -> new DocumentReader(20 << 20, Duration.ofMillis(50)).read(pdf, "slow.pdf", null));
        assertEquals("timeout", e.code());
        long until = System.currentTimeMillis() + 30_000;
        while (DocumentReader.runawayWorkers() > runawayBefore && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertEquals(runawayBefore, DocumentReader.runawayWorkers(), "the interrupted worker stopped");
    }

}
