package tijian.rulebook;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import tijian.db.DatabaseNotifications;

/**
 * Keeps a rule book on the cluster's revision: a notification on {@code rules_active} (or a reconnect of the
 * listener) wakes it at once, and a slow poll covers whatever notification was lost. The compile runs on this
 * follower's own thread, never on the listener's; wake-ups that arrive while it works fold into one more sync.
 */
public final class RevisionFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RevisionFollower.class);

    /** The channel the trigger on rule_active notifies (V9__cluster.sql). */
    public static final String CHANNEL = "rules_active";

    private final RuleBook book;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    public RevisionFollower(RuleBook book, DatabaseNotifications notifications, Duration poll) {
        this.book = book;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-follower");
            t.setDaemon(true);
            return t;
        });
        notifications.on(CHANNEL, revision -> wake());
        thread.scheduleWithFixedDelay(this::wake, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Syncs soon; a wake-up while one is waiting to run is the same sync. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    book.sync();
                } catch (RuntimeException e) {
                    LOG.warnf("could not read the cluster's rule revision (%s); trying again at the next notice", e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
