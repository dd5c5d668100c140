package tijian.ingest;

/** Cooperative cancellation: extractors call {@link #check()} between pages, paragraphs and nodes. */
final class Interrupts {

    private Interrupts() {}

    /** Thrown inside a worker whose extraction was cancelled; never reaches the caller (it already got "timeout"). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("extraction interrupted", null, false, false);
        }
    }

    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
    }
}
