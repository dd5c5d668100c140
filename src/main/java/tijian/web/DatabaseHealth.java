package tijian.web;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import tijian.config.CheckerConfig;
import tijian.db.EmbeddedDatabase;

/**
 * Liveness reports the database. A short outage is reported but the service stays live: the embedded PostgreSQL
 * is restarted by its supervisor and the pool reconnects, so restarting the service would not help. Only a
 * database unreachable for longer than {@code checker.db.liveness-grace} makes the service not live, so that an
 * orchestrator restarts it. (Readiness has Quarkus' own database check: not ready while it is down.)
 */
@Liveness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
    @Inject
    CheckerConfig config;

    @Inject
    DataSource dataSource;

    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("database");
        EmbeddedDatabase.supervised().ifPresent(s -> builder.withData("embedded", true)
                .withData("embeddedRunning", s.alive()).withData("embeddedRestarts", s.restarts()));
        boolean reachable;
        try (Connection c = dataSource.getConnection()) {
            reachable = c.isValid(2);
        } catch (Exception e) {
            reachable = false;
            builder.withData("error", String.valueOf(e.getMessage()));
        }
        if (reachable) {
            unreachableSince.set(null);
            return builder.up().withData("reachable", true).build();
        }
        unreachableSince.compareAndSet(null, Instant.now());
        Duration down = Duration.between(unreachableSince.get(), Instant.now());
        builder.withData("reachable", false).withData("unreachableSeconds", down.toSeconds());
        return (down.compareTo(config.db().livenessGrace()) < 0 ? builder.up() : builder.down()).build();
    }
}
