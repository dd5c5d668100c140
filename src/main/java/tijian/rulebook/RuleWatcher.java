package tijian.rulebook;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import tijian.rules.RuleSetCompiler;
import tijian.rules.RuleSetRejected;

/**
 * Reloads the rules when a file under the rules directory changes. Editors save in bursts (temp file, rename,
 * touch), so a reload waits until the directory has been quiet for a moment, then compiles in this background
 * thread; checks keep running on the live rule set meanwhile.
 */
@ApplicationScoped
public class RuleWatcher {
    private static final Logger LOG = Logger.getLogger(RuleWatcher.class);

    @Inject
    RuleBook ruleBook;

    @ConfigProperty(name = "checker.rules.watch", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "checker.rules.quiet-period", defaultValue = "PT0.1S")
    java.time.Duration quietPeriod;

    private WatchService watcher;
    private Thread thread;
    private volatile boolean watching;

    /** True once changes to the rules directory are being picked up (after start-up and the warm-up compile). */
    public boolean isWatching() { return watching; }

    // Observers with a higher priority value run later: this one after the rule book's (default, APPLICATION + 500)
    // has made a rule set live, so there is something to warm up with.
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!enabled) {
            return;
        }
        Path dir = ruleBook.dir();
        try {
            Files.createDirectories(dir);
            watcher = FileSystems.getDefault().newWatchService();
            registerTree(dir);
        } catch (IOException e) {
            LOG.errorf("cannot watch %s for rule changes (%s); restart the service to pick up changes", dir, e.getMessage());
            return;
        }
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("watching %s for rule changes", dir.toAbsolutePath().normalize());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // closing only wakes the watcher thread so it can end
            }
        }
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        warmUp();
        watching = true;
        try {
            while (true) {
                drain(watcher.take());
                // Collect the rest of the burst before compiling once. A change to a file that is not a rule file
                // (README, editor swap files) reloads the same revision, which the rule book ignores.
                WatchKey more;
                while ((more = watcher.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    ruleBook.reload();
                } catch (RuntimeException e) {
                    LOG.error("reloading the rules failed; the live rule set stays", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } finally {
            watching = false;
        }
    }

    /**
     * Compiles the live files once more and throws the result away. The first compile after a start runs on a cold
     * JIT and takes twice as long; doing it now means an author's first save goes live as fast as the later ones.
     */
    private void warmUp() {
        ruleBook.live().ifPresent(live -> {
            long start = System.nanoTime();
            try {
                RuleSetCompiler.compile(live.rules().files());
                LOG.infof("rule compiler warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuleSetRejected | RuntimeException e) {
                LOG.debugf("warm-up compile failed: %s", e.getMessage());
            }
        });
    }

    /** Consumes a key's events, watching folders created meanwhile too. */
    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path child = dir.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                    try {
                        registerTree(child);
                    } catch (IOException e) {
                        LOG.warnf("cannot watch new folder %s: %s", child, e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }
}
