package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The time limit, tested with injected slow extractors (deterministic, no reliance on a slow real file). */
class TimeoutTest {

    static final byte[] TEXT = "一、总体情况".getBytes(StandardCharsets.UTF_8);

    @Test
    void slowExtractionTimesOutAndTheWorkerIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        DocumentReader reader = new DocumentReader(1024, Duration.ofMillis(200), (b, n, t) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return new Document("late", "txt", "UTF-8");
        });
        long start = System.nanoTime();
        IngestException e = assertThrows(IngestException.class, () -> reader.read(TEXT, "a.txt", null));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("timeout", e.code());
        assertEquals(422, e.status());
        assertTrue(ms < 5_000, "returned after " + ms + " ms");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "worker was interrupted");
    }

    @Test
    void cooperativeExtractorStopsAtTheNextCheck() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        DocumentReader reader = new DocumentReader(1024, Duration.ofMillis(100), (b, n, t) -> {
            try {
                while (true) {
                    Interrupts.check(); // what the real extractors call between pages/paragraphs/nodes
                    Math.sqrt(System.nanoTime());
                }
            } catch (Interrupts.Stopped s) {
                stopped.set(true);
                throw s;
            } finally {
                done.countDown();
            }
        });
        assertEquals("timeout", assertThrows(IngestException.class, () -> reader.read(TEXT, null, null)).code());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(stopped.get());
    }

    @Test
    void workerIgnoringInterruptsIsCountedUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int before = DocumentReader.runawayWorkers();
        DocumentReader reader = new DocumentReader(1024, Duration.ofMillis(100), (b, n, t) -> {
            while (true) {
                try {
                    if (release.await(10, TimeUnit.MILLISECONDS)) break;
                } catch (InterruptedException ignored) {
                    // a badly behaved library swallows the interrupt
                }
            }
            return new Document("x", "txt", "UTF-8");
        });
        assertEquals("timeout", assertThrows(IngestException.class, () -> reader.read(TEXT, null, null)).code());
        assertEquals(before + 1, DocumentReader.runawayWorkers());
        release.countDown();
        long deadline = System.currentTimeMillis() + 5_000;
        while (DocumentReader.runawayWorkers() != before && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertEquals(before, DocumentReader.runawayWorkers());
    }

    @Test
    void libraryExceptionsAreMapped() {
        DocumentReader npe = new DocumentReader(1024, Duration.ofSeconds(5), (b, n, t) -> {
            throw new NullPointerException("inside some parser");
        });
        IngestException e = assertThrows(IngestException.class, () -> npe.read(TEXT, null, null));
        assertEquals("corrupt-document", e.code());
        assertEquals(422, e.status());
        DocumentReader oom = new DocumentReader(1024, Duration.ofSeconds(5), (b, n, t) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals(413, assertThrows(IngestException.class, () -> oom.read(TEXT, null, null)).status());
    }

    @Test
    void realReaderFinishesWellWithinTheLimit() {
        DocumentReader reader = new DocumentReader(1 << 20, Duration.ofSeconds(10));
        assertEquals("一、总体情况", reader.read(TEXT, null, null).text());
    }
}
