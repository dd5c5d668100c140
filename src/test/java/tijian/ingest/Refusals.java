package tijian.ingest;

import tijian.refusal.Refusal;
import tijian.web.ErrorMappers;

/** Ingest refusals for tests elsewhere (their factories are package-private). */
public final class Refusals {
    private Refusals() {}

    public static Refusal busy() {
        return IngestRefusals.busy();
    }

    /** The HTTP status the service answers a refusal with: the contract clients see. */
    public static int status(Refusal refusal) {
        return ErrorMappers.status(refusal.kind());
    }

    public static Refusal timeout() {
        return IngestRefusals.timeout(java.time.Duration.ofSeconds(20));
    }
}
