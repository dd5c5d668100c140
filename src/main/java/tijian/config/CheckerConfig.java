package tijian.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The service's own settings, {@code checker.*}, as one typed tree. Every default is in application.properties,
 * with what the setting does; none is repeated here ({@code OneSourceOfDefaultsTest}). A {@code checker.*} key that
 * this tree does not name stops the service at start, so a misspelt setting is not silently ignored.
 */
@ConfigMapping(prefix = "checker")
public interface CheckerConfig {
    Rules rules();

    Upload upload();

    Ingest ingest();

    Audit audit();

    RateLimit rateLimit();

    Db db();

    Auth auth();

    /** Read by {@code tijian.Main} before the service starts (it places the embedded database); named here only. */
    Data data();

    interface Rules {
        Path dir();

        boolean uploadEnabled();

        Duration checkTimeout();

        boolean watch();

        Duration quietPeriod();

        /** The profile a check uses when it names none; {@code national} is the base rule book. */
        String defaultProfile();

        /** Whether this instance reads and watches the rules folder and records its changes as the cluster's revision. */
        boolean owner();

        /** How often an instance reads the cluster's active revision in case a notification was lost. */
        Duration clusterPoll();
    }

    interface Upload {
        long maxBytes();
    }

    interface Ingest {
        Duration timeout();

        long maxTextChars();
    }

    interface Audit {
        boolean enabled();

        int workers();

        Duration pollInterval();

        Duration lease();

        int maxAttempts();

        Duration retryBackoff();

        Duration maxRetryBackoff();

        int maxFiles();

        long maxZipEntryBytes();

        long maxUnzippedBytes();

        long maxUploadBytes();
    }

    interface RateLimit {
        long checksPerMinute();

        long anonymousChecksPerMinute();

        long auditsPerHour();

        Duration checksWindow();

        Duration auditsWindow();
    }

    interface Db {
        Duration livenessGrace();
    }

    interface Auth {
        Optional<String> adminPassword();

        boolean anonymousChecks();

        boolean storeAnonymousChecks();

        Oidc oidc();

        interface Oidc {
            String unitClaim();
        }
    }

    interface Data {
        Optional<Path> dir();
    }
}
