package tijian.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * What an operator watches of the shared queue: files waiting and being worked on (the whole cluster's, the same on
 * every instance), how long the oldest waiting file has waited, and this instance's busy workers. One query per
 * scrape at most every two seconds, however many gauges read it.
 */
@ApplicationScoped
public class AuditMetrics {
    private static final Logger LOG = Logger.getLogger(AuditMetrics.class);

    @Inject
    Db db;

    @Inject
    AuditWorkers workers;

    @Inject
    MeterRegistry meters;

    private record Snapshot(long at, double queued, double running, double oldestSeconds) {}

    private volatile Snapshot last = new Snapshot(0, Double.NaN, Double.NaN, Double.NaN);

    void onStart(@Observes StartupEvent event) {
        gauge("tijian.audit.queue.depth", "Audit files waiting to be checked (whole cluster)", "state", "queued", Snapshot::queued);
        gauge("tijian.audit.queue.depth", "Audit files being checked (whole cluster)", "state", "running", Snapshot::running);
        Gauge.builder("tijian.audit.queue.oldest.age", this, m -> m.snapshot().oldestSeconds())
                .description("Seconds the oldest waiting audit file has waited since its audit was submitted (0 when none)")
                .baseUnit("seconds").register(meters);
        Gauge.builder("tijian.audit.workers.busy", workers, AuditWorkers::working)
                .description("Audit workers of this instance checking a file right now").register(meters);
        Gauge.builder("tijian.audit.workers", workers, w -> w.size())
                .description("Audit worker threads of this instance").register(meters);
    }

    private void gauge(String name, String description, String tag, String value, ToDoubleFunction<Snapshot> read) {
        Gauge.builder(name, this, m -> read.applyAsDouble(m.snapshot())).description(description).tag(tag, value)
                .register(meters);
    }

    private Snapshot snapshot() {
        Snapshot s = last;
        if (System.currentTimeMillis() - s.at() < 2000) {
            return s;
        }
        try {
            s = db.read(c -> {
                try (PreparedStatement ps = Db.prepare(c, """
                        select count(*) filter (where f.state = 'queued'), count(*) filter (where f.state = 'running'),
                               coalesce(extract(epoch from now() - min(a.created_at) filter (where f.state = 'queued')), 0)
                          from audit_file f join audit a on a.id = f.audit_id
                         where f.state in ('queued', 'running')""");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Snapshot(System.currentTimeMillis(), rs.getLong(1), rs.getLong(2), rs.getDouble(3));
                }
            });
        } catch (RuntimeException e) {
            // the scrape goes on without the queue (NaN) rather than failing as a whole
            LOG.debugf("queue metrics not read: %s", e.getMessage());
            s = new Snapshot(System.currentTimeMillis(), Double.NaN, Double.NaN, Double.NaN);
        }
        last = s;
        return s;
    }
}
