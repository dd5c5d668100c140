package tijian.ingest;

/** Ingest refusals for tests elsewhere (their factories are package-private). */
public final class Refusals {
    private Refusals() {}

    public static IngestException busy() {
        return IngestException.busy();
    }

    public static IngestException timeout() {
        return IngestException.timeout(java.time.Duration.ofSeconds(20));
    }
}
