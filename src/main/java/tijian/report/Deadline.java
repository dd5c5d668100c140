package tijian.report;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time a check may still take: one value from upload to checklist, so that extraction, parsing and rule
 * evaluation share a single budget ({@code checker.ingest.timeout}) instead of each getting its own.
 *
 * <p>Long loops call {@link #check()}: it throws {@link Exceeded} once the deadline of the current thread has
 * passed (or the thread was interrupted), so the thread really stops instead of burning a core for a client that
 * has long gone. The deadline is made current for a piece of work with {@link #run(Supplier)} — a thread-local,
 * because the parser's loops sit deep in many small scanners that should not all carry a parameter. Code that
 * hands work to another thread passes the value itself ({@link #remaining()}) and the other thread may
 * {@code run} under it again. Rule evaluation reads {@link #current()} for the time that is left, and a rule's
 * regular expression reads the report through {@link #text}: a pattern can backtrack for ever on a few hundred
 * characters, and no engine halt reaches inside it.
 */
public final class Deadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private final Duration limit;

    private Deadline(long endNanos, Duration limit) {
        this.endNanos = endNanos;
        this.limit = limit;
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    /** The whole budget this deadline was made with (for messages: "over 20 s"). */
    public Duration limit() {
        return limit;
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Runs work with this deadline current on this thread (restoring the one before). */
    public <T> T run(Supplier<T> work) {
        Deadline before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The deadline of the work this thread is doing, if it runs under one. */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Throws {@link Exceeded} when this thread's deadline has passed or the thread was interrupted; cheap. */
    public static void check() {
        Deadline d = CURRENT.get();
        if (d != null && (d.expired() || Thread.currentThread().isInterrupted())) {
            throw new Exceeded(d.limit);
        }
    }

    /** The text as the regex engine should see it: stopping at this thread's deadline (or when it is interrupted). */
    static CharSequence text(String text) {
        Deadline d = CURRENT.get();
        return d == null ? text : new Watched(text, d);
    }

    private static final class Watched implements CharSequence {
        private final String text;
        private final Deadline deadline;
        private int reads;

        Watched(String text, Deadline deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override public int length() { return text.length(); }

        @Override public char charAt(int index) {
            // every 256th read (nanoTime costs ~20 ns, more than the read): still microseconds past the deadline at
            // worst, so a catastrophic pattern cannot overshoot
            if ((++reads & 0xFF) == 0 && (deadline.expired() || Thread.currentThread().isInterrupted())) {
                throw new Exceeded(deadline.limit);
            }
            return text.charAt(index);
        }

        @Override public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }

        @Override public String toString() { return text; }
    }

    /** The work ran past its deadline and was stopped. */
    public static final class Exceeded extends RuntimeException {
        private final Duration limit;

        public Exceeded(Duration limit) {
            super("deadline of " + limit.toMillis() + " ms exceeded", null, false, false);
            this.limit = limit;
        }

        public Duration limit() {
            return limit;
        }
    }
}
