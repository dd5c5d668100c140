package tijian.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for an outcome that comes from another thread (a file watcher, audit workers, an abandoned extraction).
 * Tests wait for the state they need and fail only when it never comes; the bound is generous so that a busy or slow
 * machine never fails a test. How fast an outcome comes is the benchmark's business, not a test's.
 */
public final class Await {
    /** How long a test waits for an outcome before it gives up. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 50;

    private Await() {}

    /** Waits until {@code condition} holds; fails naming {@code what} when it does not within {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /** Polls {@code probe} until its value satisfies {@code done} and returns that value. */
    public static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, PATIENCE, probe, done);
    }

    /** As {@link #until(String, Supplier, Predicate)}, for outcomes that need longer than {@link #PATIENCE}. */
    public static <T> T until(String what, Duration patience, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + patience.toSeconds() + " s for " + what + "; it never came. Last seen: " + value);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
