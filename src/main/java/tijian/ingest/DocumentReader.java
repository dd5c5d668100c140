package tijian.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tijian.refusal.Refusal;

/**
 * Turns an uploaded file (txt, html/htm, mhtml, docx, doc, pdf) into plain text.
 *
 * <p>The type is detected from the content (magic bytes, markup sniffing); the file name and content type are only
 * hints. Every failure is an {@link tijian.refusal.Refusal}; no library exception escapes.
 *
 * <p>Each extraction runs on a daemon worker thread with a time limit. On timeout the worker is interrupted
 * (extractors check the interrupt flag between pages/paragraphs/nodes) and abandoned; the caller gets 422
 * "timeout" at once. Workers that ignore the interrupt keep running in the background: they are counted, and when
 * too many are still running new extractions are refused with 503 "busy" instead of piling up.
 *
 * <p>Thread-safe; one instance can serve all requests.
 */
public final class DocumentReader {

    /** The extraction pipeline; replaceable in tests. */
    @FunctionalInterface
    interface Extractor {
        Document extract(byte[] content, String fileName, String contentType) throws Exception;
    }

    /** Abandoned workers still running after their timeout, across all readers. */
    private static final AtomicInteger RUNAWAY = new AtomicInteger();
    static final int MAX_RUNAWAY = 8;

    private static final AtomicInteger THREAD_NO = new AtomicInteger();
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "tijian-ingest-" + THREAD_NO.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private final long maxBytes;
    private final Duration timeout;
    private final Extractor extractor;

    public DocumentReader(long maxBytes, Duration timeout) {
        this(maxBytes, timeout, Extraction::extract);
    }

    DocumentReader(long maxBytes, Duration timeout, Extractor extractor) {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.extractor = Objects.requireNonNull(extractor);
    }

    /**
     * Reads one uploaded file.
     *
     * @param content     the bytes (null or empty → 400 "empty")
     * @param fileName    original file name, may be null (a hint only)
     * @param contentType the request's content type, may be null; a {@code charset} parameter is honoured for text
     * @return the extracted text
     * @throws Refusal for every refusal
     */
    public Document read(byte[] content, String fileName, String contentType) {
        return read(content, fileName, contentType, tijian.report.Deadline.in(timeout));
    }

    /**
     * Reads one uploaded file within what is left of {@code deadline} (shared with the parsing and rules that
     * follow); the worker is interrupted when it runs out.
     */
    public Document read(byte[] content, String fileName, String contentType, tijian.report.Deadline deadline) {
        Duration timeout = deadline.limit();
        if (content == null || content.length == 0) {
            throw IngestRefusals.empty();
        }
        if (content.length > maxBytes) {
            throw IngestRefusals.tooLarge(content.length, maxBytes);
        }
        if (RUNAWAY.get() >= MAX_RUNAWAY) {
            throw IngestRefusals.busy();
        }
        AtomicInteger state = new AtomicInteger(); // 0 running, 1 finished, 2 abandoned
        Future<Document> future;
        try {
            future = WORKERS.submit(() -> {
                try {
                    return extractor.extract(content, fileName, contentType);
                } finally {
                    if (!state.compareAndSet(0, 1)) {
                        RUNAWAY.decrementAndGet(); // an abandoned worker finally stopped
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw IngestRefusals.busy();
        }
        try {
            return future.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (state.compareAndSet(0, 2)) {
                RUNAWAY.incrementAndGet();
            }
            throw IngestRefusals.timeout(timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            if (state.compareAndSet(0, 2)) {
                RUNAWAY.incrementAndGet();
            }
            Thread.currentThread().interrupt();
            throw IngestRefusals.timeout(timeout);
        } catch (CancellationException e) {
            throw IngestRefusals.timeout(timeout);
        } catch (ExecutionException e) {
            throw map(e.getCause(), timeout);
        }
    }

    /** Abandoned extraction workers that are still running (for health checks). */
    public static int runawayWorkers() {
        return RUNAWAY.get();
    }

    private static Refusal map(Throwable t, Duration timeout) {
        if (t instanceof Refusal ie) return ie;
        if (t instanceof Interrupts.Stopped) return IngestRefusals.timeout(timeout);
        // a pathological document can exhaust the worker's memory or stack; the worker's objects are garbage now
        if (t instanceof OutOfMemoryError) return IngestRefusals.tooMuchMemory(t);
        if (t instanceof StackOverflowError) return IngestRefusals.corrupt(null, t);
        if (t instanceof Error) return IngestRefusals.internal(t);
        // runtime exceptions from parsers (NPE, ClassCast, IndexOutOfBounds...) mean malformed input
        return IngestRefusals.corrupt(null, t);
    }
}
