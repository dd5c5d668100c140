package tijian.audit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import tijian.check.CheckService;
import tijian.db.DatabaseFaults;
import tijian.refusal.Refusal;
import tijian.report.UnitNames;
import tijian.rulebook.RuleBook;

/**
 * The bounded pool that works the queue: {@code checker.audit.workers} threads, each claiming one file at a time
 * under this instance's owner id. They wake when an audit is submitted here, and poll every
 * {@code checker.audit.poll-interval} for work submitted elsewhere or left behind by a dead instance.
 */
@ApplicationScoped
public class AuditWorkers {
    private static final Logger LOG = Logger.getLogger(AuditWorkers.class);

    @Inject
    AuditQueue queue;

    @Inject
    CheckService checks;

    @ConfigProperty(name = "checker.audit.workers")
    int workers;

    @ConfigProperty(name = "checker.audit.poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "checker.audit.lease")
    Duration lease;

    @ConfigProperty(name = "checker.audit.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "checker.audit.enabled", defaultValue = "true")
    boolean enabled;

    /** First wait before a file refused for a transient reason is tried again; doubles per retry. */
    @ConfigProperty(name = "checker.audit.retry-backoff")
    Duration retryBackoff;

    @ConfigProperty(name = "checker.audit.max-retry-backoff")
    Duration maxRetryBackoff;

    /** Files being worked on here, by owner: their leases are renewed while the work goes on. */
    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewer;
    /** Consecutive loop failures while the database is unavailable: the quiet backoff grows with them. */
    private final AtomicInteger outage = new AtomicInteger();

    private record Held(String owner, long fileId) {}

    private final String owner = ownerId();
    private final Object signal = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private long wakeups;
    private ExecutorService pool;

    void onStart(@Observes StartupEvent event) {
        if (!enabled || workers <= 0) {
            LOG.info("audit workers are off on this instance");
            return;
        }
        running.set(true);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "audit-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers; i++) {
            pool.submit(this::loop);
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("%d audit workers started as %s", workers, owner);
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        wake();
        if (renewer != null) {
            renewer.shutdownNow();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This instance's owner id in leases. */
    public String owner() { return owner; }

    /** Wakes the idle workers: an audit was just submitted. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    /** Stops claiming new files (files in hand are finished); for tests and maintenance. */
    public void pause() {
        paused.set(true);
        while (busy.get() > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void resume() {
        paused.set(false);
        wake();
    }

    private void loop() {
        while (running.get()) {
            long seen;
            synchronized (signal) {
                seen = wakeups;
            }
            boolean worked = false;
            busy.incrementAndGet();
            try {
                if (!paused.get()) {
                    worked = workOnce(owner);
                }
                if (outage.getAndSet(0) > 0) {
                    LOG.info("audit workers: the database is back");
                }
            } catch (RuntimeException e) {
                if (DatabaseFaults.isUnavailable(e)) {
                    // back off quietly: one line when the outage starts, then up to 30 s between tries
                    int n = outage.incrementAndGet();
                    if (n == 1) {
                        LOG.warn("audit workers: the database is unavailable, retrying quietly: " + e.getMessage());
                    }
                    sleep(Duration.ofMillis(Math.min(30_000, 500L << Math.min(n, 6))));
                } else {
                    LOG.warn("audit worker: " + e.getMessage(), e);
                    sleep(Duration.ofSeconds(1));
                }
            } finally {
                busy.decrementAndGet();
            }
            if (!worked) {
                synchronized (signal) {
                    if (wakeups == seen && running.get()) {
                        try {
                            signal.wait(pollInterval.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * Claims one file as {@code owner} and works it to its end. Public so that tests can act as other instances.
     *
     * @return whether a file was claimed
     */
    public boolean workOnce(String owner) {
        List<AuditQueue.Claimed> claimed = queue.claim(owner, 1, lease);
        if (claimed.isEmpty()) {
            return false;
        }
        for (AuditQueue.Claimed file : claimed) {
            work(file, owner);
        }
        return true;
    }

    private void work(AuditQueue.Claimed file, String owner) {
        Held h = new Held(owner, file.id());
        held.add(h);
        try {
            workHeld(file, owner);
        } finally {
            held.remove(h);
        }
    }

    private void workHeld(AuditQueue.Claimed file, String owner) {
        if (file.attempts() > maxAttempts) {
            queue.fail(file, owner, "too-many-attempts", "已尝试 " + (file.attempts() - 1) + " 次仍未完成（体检进程可能因此文件中断），不再重试。");
            return;
        }
        CheckService.Outcome outcome;
        try {
            byte[] bytes = queue.content(file.sha256());
            outcome = checks.evaluate(bytes, file.path(), null);
        } catch (RuleBook.NoRuleSet e) {
            queue.release(file, owner);
            sleep(pollInterval);
            return;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.BUSY) {
                // the service is busy: not the file's fault, it waits its turn again
                retryLater(file, owner, false, e.code());
            } else if (e.code().equals("timeout") && file.attempts() < maxAttempts) {
                // a timeout may come from load or from the file: tried again later, failed only when it repeats
                retryLater(file, owner, true, e.code());
            } else {
                queue.fail(file, owner, e.code(), e.messageZh());
            }
            return;
        } catch (RuntimeException | StackOverflowError e) {
            if (DatabaseFaults.isUnavailable(e)) {
                retryLater(file, owner, false, "database-unavailable");
                return;
            }
            LOG.warnf(e, "audit file %d (%s) could not be checked", file.id(), file.path());
            queue.fail(file, owner, "check-failed", "体检出错：" + e);
            return;
        }
        String unitKey = UnitNames.normalise(outcome.report().getUnit());
        boolean finished;
        try {
            finished = queue.finish(file, owner, outcome, unitKey, outcome.report().getYear());
        } catch (RuntimeException e) {
            if (DatabaseFaults.isUnavailable(e)) {
                retryLater(file, owner, false, "database-unavailable");
                return;
            }
            LOG.warnf(e, "audit file %d (%s): its check could not be stored", file.id(), file.path());
            queue.fail(file, owner, "store-failed", "体检结果无法保存：" + e);
            return;
        }
        if (!finished) {
            LOG.infof("audit file %d was taken over by another instance; its check here is dropped", file.id());
        }
    }

    /**
     * Gives the file back with a backoff. When even that fails (the database is gone), the lease runs out and the
     * file is claimed again then; this worker pauses either way, since the next file would meet the same trouble.
     */
    private void retryLater(AuditQueue.Claimed file, String owner, boolean countAttempt, String code) {
        try {
            queue.retryLater(file, owner, countAttempt, retryBackoff, maxRetryBackoff, code);
        } catch (RuntimeException e) {
            LOG.debugf("audit file %d could not be released (%s); its lease will run out", file.id(), e.getMessage());
        }
        sleep(retryBackoff.compareTo(pollInterval) < 0 ? retryBackoff : pollInterval);
    }

    private void renewLeases() {
        try {
            for (String o : held.stream().map(Held::owner).distinct().toList()) {
                queue.renew(o, held.stream().filter(h -> h.owner().equals(o)).map(Held::fileId).toList(), lease);
            }
        } catch (RuntimeException e) {
            LOG.debugf("audit leases not renewed this time: %s", e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ownerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        String pid = jvm.contains("@") ? jvm.substring(0, jvm.indexOf('@')) : jvm;
        return (host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
