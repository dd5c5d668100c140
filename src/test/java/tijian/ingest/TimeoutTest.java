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

import tijian.testsupport.Await;

import tijian.refusal.Refusal;

/**
 * The time limit, tested with injected slow extractors (deterministic, no reliance on a slow real file). Every test
 * waits for its abandoned worker to end, so the next one counts runaway workers from a settled state.
 */
class TimeoutTest {

    static final byte[] TEXT = "一、总体情况".getBytes(StandardCharsets.UTF_8);

    @Test
    void slowExtractionTimesOutAndTheWorkerIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int before = DocumentReader.runawayWorkers();
        DocumentReader reader = new DocumentReader(1024, Duration.ofMillis(200), (b, n, t) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                // once interrupted, the worker stays until the test lets it go: the caller must not wait for it
                release.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            return new Document("late", "txt", "UTF-8");
        });
        try {
            // a caller that waited for the worker would get "late" back (or hang), not the timeout
            Refusal e = assertThrows(Refusal.class, () -> reader.read(TEXT, "a.txt", null));
            assertEquals("timeout", e.code());
            assertEquals(422, Refusals.status(e));
            assertTrue(interrupted.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS), "worker was interrupted");
        } finally {
            release.countDown();
        }
        Await.until("the abandoned worker to end", () -> DocumentReader.runawayWorkers() == before);
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
        int before = DocumentReader.runawayWorkers();
        assertEquals("timeout", assertThrows(Refusal.class, () -> reader.read(TEXT, null, null)).code());
        assertTrue(done.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(stopped.get());
        Await.until("the stopped worker to end", () -> DocumentReader.runawayWorkers() == before);
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
        assertEquals("timeout", assertThrows(Refusal.class, () -> reader.read(TEXT, null, null)).code());
        assertEquals(before + 1, DocumentReader.runawayWorkers());
        release.countDown();
        Await.until("the released worker to end", () -> DocumentReader.runawayWorkers() == before);
    }

    @Test
    void libraryExceptionsAreMapped() {
        DocumentReader npe = new DocumentReader(1024, Duration.ofSeconds(5), (b, n, t) -> {
            throw new NullPointerException("inside some parser");
        });
        Refusal e = assertThrows(Refusal.class, () -> npe.read(TEXT, null, null));
        assertEquals("corrupt-document", e.code());
        assertEquals(422, Refusals.status(e));
        DocumentReader oom = new DocumentReader(1024, Duration.ofSeconds(5), (b, n, t) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals(413, Refusals.status(assertThrows(Refusal.class, () -> oom.read(TEXT, null, null))));
    }

    @Test
    void realReaderFinishesWellWithinTheLimit() {
        DocumentReader reader = new DocumentReader(1 << 20, Duration.ofSeconds(10));
        assertEquals("一、总体情况", reader.read(TEXT, null, null).text());
    }
}
