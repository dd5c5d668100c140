package tijian.rulebook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import tijian.config.CheckerConfig;
import tijian.db.ThisInstance;
import tijian.refusal.Refusal;
import tijian.rules.Checker;
import tijian.rules.Problem;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.rules.RuleSetRejected;

/**
 * Holds the live rule set and swaps it atomically. A check takes {@link #active()} once and keeps that rule set to
 * its end. A change that fails to compile, validate or pass its examples never goes live: the last good rule set
 * stays, and the rejection is kept for {@code GET /api/rules} to show.
 *
 * <p>Every instance on the database serves one revision: the one recorded in {@code rule_active}. A change that
 * goes live here (the rules folder of the instance that owns it, an upload) is recorded there, and the other
 * instances follow it ({@link #sync()}, woken by {@link RevisionFollower}). An instance that cannot compile the
 * cluster's revision keeps its last good one and says so ({@link #mismatch()}).
 */
@ApplicationScoped
public class RuleBook {
    @Inject
    CheckerConfig config;

    // Plain fields read from the configuration once, so that the cluster tests can make a second rule book by hand.
    Path dir;
    java.time.Duration checkTimeout;
    /** This instance reads and watches the rules folder and records its changes as the cluster's revision. */
    boolean ownsFolder;

    @PostConstruct
    void configure() {
        dir = config.rules().dir();
        checkTimeout = config.rules().checkTimeout();
        ownsFolder = config.rules().owner();
    }

    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /** A live rule set and when it went live. */
    public record Live(RuleSet rules, Instant since) {}

    /**
     * Fired (synchronously) when a rule set goes live from the folder or an upload; the activity log records it.
     * An event rather than a call, so the rule book does not depend on the trail that reads it.
     */
    public record Activated(RuleSet rules, long compileMillis, String source) {}

    /** The last change that was refused, with its reasons. */
    public record Rejection(String revision, Instant at, String source, List<Problem> problems) {}

    /** The cluster's active revision as this instance last read it. */
    public record ClusterRevision(String revision, Instant activatedAt, String activatedBy, String source) {}

    /** How answers name the rules directory: never by its path on the server. */
    public static final String FOLDER = "rules folder";
    /** Where a change came from: an upload over the API, or another instance through the database. */
    public static final String UPLOAD = "upload";
    public static final String CLUSTER = "cluster";

    private final AtomicReference<Live> live = new AtomicReference<>();
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();
    private final AtomicReference<ClusterRevision> cluster = new AtomicReference<>();
    /** The cluster's revision that did not compile here; cleared when this instance serves the cluster's revision. */
    private final AtomicReference<Rejection> mismatch = new AtomicReference<>();

    @Inject
    Event<Activated> activated;

    @Inject
    ThisInstance instance;

    @Inject
    MeterRegistry meters;

    private MultiGauge revisionGauge;

    void onStart(@Observes StartupEvent event) {
        Checker.limitTime(checkTimeout);
        start();
    }

    /** Makes a rule set live: the folder's when this instance owns it, else (or when it is broken) the cluster's. */
    public void start() {
        revisionGauge = MultiGauge.builder("tijian.rules.revision")
                .description("The revision this instance serves (1), labelled with the cluster's active one")
                .register(meters);
        Gauge.builder("tijian.rules.in.step", this, b -> b.inStep() ? 1 : 0)
                .description("1 while this instance serves the cluster's active revision, 0 while it cannot")
                .register(meters);
        if (ownsFolder() || noRevisionStored()) {
            // A database without any revision is seeded from the folder, also by an instance that does not own it.
            reload();
        }
        if (live.get() == null) {
            sync();
        }
        if (live.get() == null) {
            restoreLatestStored();
        }
        updateRevisionGauge();
    }

    public Path dir() { return dir; }

    public boolean ownsFolder() { return ownsFolder; }

    /** The cluster's active revision as last read from the database. */
    public Optional<ClusterRevision> cluster() { return Optional.ofNullable(cluster.get()); }

    /** The cluster's revision this instance could not compile (it keeps serving its last good one). */
    public Optional<Rejection> mismatch() { return Optional.ofNullable(mismatch.get()); }

    /** Whether this instance serves the cluster's active revision (or there is none recorded yet). */
    public boolean inStep() {
        ClusterRevision c = cluster.get();
        Live l = live.get();
        return c == null || l != null && l.rules().revision().equals(c.revision());
    }

    /** The live rule set; throws {@link NoRuleSet} when none has ever compiled. */
    public RuleSet active() {
        Live l = live.get();
        if (l == null) {
            throw new NoRuleSet(lastRejection.get());
        }
        return l.rules();
    }

    public Optional<Live> live() { return Optional.ofNullable(live.get()); }

    public Optional<Rejection> lastRejection() { return Optional.ofNullable(lastRejection.get()); }

    /** Reads the rules directory again and activates it if it differs from the live set and is good. */
    public synchronized Optional<Rejection> reload() {
        Map<String, String> files;
        try {
            files = RuleFiles.read(dir);
        } catch (RuntimeException e) {
            // The answer names no server path (GET /api/rules is public); the log has the full message.
            LOG.warnf("cannot read the rules folder %s: %s", dir.toAbsolutePath().normalize(), e.getMessage());
            return Optional.of(reject(null, FOLDER, List.of(Problem.error("(rules)", 0, 0,
                    "cannot read the rules folder (" + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")"))));
        }
        return offer(files, FOLDER);
    }

    /** Compiles a complete set of rule files and activates it when good; the rejection otherwise. */
    public synchronized Optional<Rejection> offer(Map<String, String> files, String source) {
        String revision = RuleSetCompiler.revisionOf(files);
        Live current = live.get();
        if (current != null && current.rules().revision().equals(revision)) {
            if (!inStep()) {
                // activated again here while the cluster moved to a revision this instance could not compile
                store(current.rules(), Instant.now(), source);
                mismatch.set(null);
                updateRevisionGauge();
            }
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            RuleSet rules = RuleSetCompiler.compile(files);
            activate(rules, (System.nanoTime() - start) / 1_000_000, source);
            return Optional.empty();
        } catch (RuleSetRejected e) {
            return Optional.of(reject(e.revision(), source, e.problems()));
        }
    }

    private void activate(RuleSet rules, long compileMillis, String source) {
        Instant now = Instant.now();
        store(rules, now, source);
        live.set(new Live(rules, now));
        mismatch.set(null);
        counted(source, "accepted");
        updateRevisionGauge();
        if (activated != null) activated.fire(new Activated(rules, compileMillis, FOLDER.equals(source) ? "rules-folder" : source));
        LOG.infof("rule set %s is live: %d items, %d examples passed; compiled and tested in %d ms",
                rules.shortRevision(), rules.items().size(), rules.examples().size(), compileMillis);
    }

    /**
     * Reads the cluster's active revision and serves it: fetches its files from the database, compiles, runs the
     * examples and swaps. Checks already running finish on the rule set they started with. A revision that does not
     * compile here is tried once; the last good rule set stays and the mismatch is reported until the cluster moves on.
     */
    public synchronized void sync() {
        ClusterRevision active = readActive();
        cluster.set(active);
        try {
            Live current = live.get();
            if (active == null || current != null && current.rules().revision().equals(active.revision())) {
                mismatch.set(null);
                return;
            }
            Rejection failed = mismatch.get();
            if (failed != null && active.revision().equals(failed.revision())) {
                return;
            }
            Optional<Map<String, String>> files = filesOf(active.revision());
            if (files.isEmpty()) {
                failedHere(active.revision(), List.of(Problem.error("(rules)", 0, 0, "the active revision is not stored")));
                return;
            }
            long noticed = java.time.Duration.between(active.activatedAt(), Instant.now()).toMillis();
            long start = System.nanoTime();
            RuleSet rules = RuleSetCompiler.compile(files.get());
            live.set(new Live(rules, Instant.now()));
            mismatch.set(null);
            counted(CLUSTER, "accepted");
            LOG.infof("rule set %s is live, as activated by %s (%s) %d ms before this instance read it; compiled and"
                    + " tested in %d ms", rules.shortRevision(), active.activatedBy(), active.source(), noticed,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuleSetRejected e) {
            failedHere(active.revision(), e.problems());
        } finally {
            updateRevisionGauge();
        }
    }

    private void failedHere(String revision, List<Problem> problems) {
        mismatch.set(new Rejection(revision, Instant.now(), CLUSTER, problems));
        counted(CLUSTER, "rejected");
        LOG.errorf("the cluster's rule revision %s does not compile on this instance; %s stays live:%n%s", revision,
                live.get() == null ? "no rule set" : live.get().rules().shortRevision(),
                String.join("\n", problems.stream().filter(Problem::isError).map(Problem::toString).toList()));
    }

    private ClusterRevision readActive() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = RuleRevisionRecord.getEntityManager().createNativeQuery(
                    "select revision, activated_at, activated_by, source from rule_active").getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) rows.get(0);
            return new ClusterRevision((String) r[0], instant(r[1]), (String) r[2], (String) r[3]);
        });
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private void counted(String source, String result) {
        meters.counter("tijian.rules.reloads", "source", FOLDER.equals(source) ? "folder" : source, "result", result)
                .increment();
    }

    private void updateRevisionGauge() {
        if (revisionGauge == null) {
            return;
        }
        Live l = live.get();
        ClusterRevision c = cluster.get();
        revisionGauge.register(l == null ? List.of() : List.of(MultiGauge.Row.of(Tags.of(
                "revision", l.rules().revision(), "cluster", c == null ? l.rules().revision() : c.revision()), 1)), true);
    }

    private Rejection reject(String revision, String source, List<Problem> problems) {
        Rejection rejection = new Rejection(revision, Instant.now(), source, problems);
        lastRejection.set(rejection);
        counted(source, "rejected");
        LOG.warnf("rule change from %s rejected; %s stays live:%n%s", source,
                live.get() == null ? "no rule set" : live.get().rules().shortRevision(),
                String.join("\n", problems.stream().filter(Problem::isError).map(Problem::toString).toList()));
        return rejection;
    }

    /**
     * Stores the revision and records it as the cluster's active one, which notifies every instance. Both are upserts:
     * instances starting together on an empty database store the same revision at once.
     */
    private void store(RuleSet rules, Instant at, String source) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (RuleRevisionRecord.findById(rules.revision()) == null) {
                RuleRevisionRecord r = new RuleRevisionRecord();
                r.revision = rules.revision();
                r.activatedAt = at;
                r.files = new TreeMap<>(rules.files());
                r.itemCount = rules.items().size();
                r.persist();
            }
            RuleRevisionRecord.getEntityManager().createNativeQuery("""
                    insert into rule_active (id, revision, activated_at, activated_by, source)
                    values (true, ?1, ?2, ?3, ?4)
                    on conflict (id) do update set revision = excluded.revision, activated_at = excluded.activated_at,
                           activated_by = excluded.activated_by, source = excluded.source""")
                    .setParameter(1, rules.revision()).setParameter(2, at).setParameter(3, instance.id())
                    .setParameter(4, source).executeUpdate();
        });
        cluster.set(new ClusterRevision(rules.revision(), at, instance.id(), source));
    }

    private boolean noRevisionStored() {
        return QuarkusTransaction.requiringNew().call(() -> RuleRevisionRecord.count() == 0);
    }

    /**
     * When the directory's rules are broken at start and no revision is recorded as the cluster's, the last revision
     * that was ever live still serves.
     */
    private void restoreLatestStored() {
        RuleRevisionRecord latest = QuarkusTransaction.requiringNew()
                .call(() -> RuleRevisionRecord.<RuleRevisionRecord>find("order by activatedAt desc").firstResult());
        if (latest == null) {
            LOG.error("no rule set is live: the rules directory did not compile and no earlier revision is stored");
            return;
        }
        try {
            live.set(new Live(RuleSetCompiler.compile(latest.files), Instant.now()));
            LOG.warnf("serving the stored revision %s until the rules directory compiles again", latest.revision);
        } catch (RuleSetRejected e) {
            LOG.errorf("the stored revision %s does not compile either: %s", latest.revision, e.getMessage());
        }
    }

    /** Stored files of a revision that was live once. */
    public Optional<Map<String, String>> filesOf(String revision) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(RuleRevisionRecord.<RuleRevisionRecord>findById(revision))
                .map(r -> (Map<String, String>) new TreeMap<>(r.files)));
    }

    /** Thrown when checks are asked for and no rule set has ever compiled. */
    public static final class NoRuleSet extends Refusal {
        private final transient Rejection rejection;

        NoRuleSet(Rejection rejection) {
            super(Kind.UNAVAILABLE, "no-rule-set", "规则未能加载，暂时无法体检；请查看 GET /api/rules 中的错误并修正规则文件。",
                    "No rule set is live; see GET /api/rules for the errors in the rule files.",
                    rejection == null ? List.of() : rejection.problems(), null);
            this.rejection = rejection;
        }

        public Rejection rejection() { return rejection; }
    }
}
