package tijian.rulebook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import tijian.activity.ActivityLog;
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
 */
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /** A live rule set and when it went live. */
    public record Live(RuleSet rules, Instant since) {}

    /** The last change that was refused, with its reasons. */
    public record Rejection(String revision, Instant at, String source, List<Problem> problems) {}

    /** How answers name the rules directory: never by its path on the server. */
    public static final String FOLDER = "rules folder";

    private final AtomicReference<Live> live = new AtomicReference<>();
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "checker.rules.dir")
    Path dir;

    @ConfigProperty(name = "checker.rules.check-timeout")
    java.time.Duration checkTimeout;

    @Inject
    ActivityLog activity;

    void onStart(@Observes StartupEvent event) {
        Checker.limitTime(checkTimeout);
        reload();
        if (live.get() == null) {
            restoreLatestStored();
        }
    }

    public Path dir() { return dir; }

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
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            RuleSet rules = RuleSetCompiler.compile(files);
            activate(rules, (System.nanoTime() - start) / 1_000_000);
            return Optional.empty();
        } catch (RuleSetRejected e) {
            return Optional.of(reject(e.revision(), source, e.problems()));
        }
    }

    private void activate(RuleSet rules, long compileMillis) {
        Instant now = Instant.now();
        store(rules, now);
        live.set(new Live(rules, now));
        if (activity != null) {
            activity.record(ActivityLog.Entry.system("rules-folder", "rules.activate", rules.revision(),
                    rules.items().size() + " items, compiled and tested in " + compileMillis + " ms", rules.revision()));
        }
        LOG.infof("rule set %s is live: %d items, %d examples passed; compiled and tested in %d ms",
                rules.shortRevision(), rules.items().size(), rules.examples().size(), compileMillis);
    }

    private Rejection reject(String revision, String source, List<Problem> problems) {
        Rejection rejection = new Rejection(revision, Instant.now(), source, problems);
        lastRejection.set(rejection);
        LOG.warnf("rule change from %s rejected; %s stays live:%n%s", source,
                live.get() == null ? "no rule set" : live.get().rules().shortRevision(),
                String.join("\n", problems.stream().filter(Problem::isError).map(Problem::toString).toList()));
        return rejection;
    }

    private void store(RuleSet rules, Instant at) {
        try {
            String filesJson = json.writeValueAsString(rules.files());
            QuarkusTransaction.requiringNew().run(() -> {
                if (RuleRevisionRecord.findById(rules.revision()) == null) {
                    RuleRevisionRecord r = new RuleRevisionRecord();
                    r.revision = rules.revision();
                    r.activatedAt = at;
                    r.files = filesJson;
                    r.itemCount = rules.items().size();
                    r.persist();
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the directory's rules are broken at start, the last revision that was ever live still serves. */
    private void restoreLatestStored() {
        RuleRevisionRecord latest = QuarkusTransaction.requiringNew()
                .call(() -> RuleRevisionRecord.<RuleRevisionRecord>find("order by activatedAt desc").firstResult());
        if (latest == null) {
            LOG.error("no rule set is live: the rules directory did not compile and no earlier revision is stored");
            return;
        }
        try {
            Map<String, String> files = json.readValue(latest.files, new TypeReference<Map<String, String>>() {});
            live.set(new Live(RuleSetCompiler.compile(files), Instant.now()));
            LOG.warnf("serving the stored revision %s until the rules directory compiles again", latest.revision);
        } catch (JsonProcessingException | RuleSetRejected e) {
            LOG.errorf("the stored revision %s does not compile either: %s", latest.revision, e.getMessage());
        }
    }

    /** Stored files of a revision that was live once. */
    public Optional<Map<String, String>> filesOf(String revision) {
        RuleRevisionRecord r = QuarkusTransaction.requiringNew().call(() -> RuleRevisionRecord.findById(revision));
        if (r == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(r.files, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
