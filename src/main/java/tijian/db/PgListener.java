package tijian.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection that LISTENs on PostgreSQL channels and hands each notification to the channel's handlers on its
 * own thread. It sits outside the pool: a pooled connection would be validated, recycled and lost to its LISTEN.
 * When the connection drops it reconnects with a growing pause and then calls every handler with {@code null}
 * ("something may have been missed"), so a handler that re-reads the state it cares about converges either way.
 * Handlers must be quick; long work goes to the handler's own thread.
 */
public final class PgListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PgListener.class);

    private final String url;
    private final Properties credentials = new Properties();
    private final String name;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile boolean channelsChanged;
    private Thread thread;

    public PgListener(String url, String user, String password, String name) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.name = name;
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel} (null after a reconnect). */
    public void on(String channel, Consumer<String> handler) {
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        channelsChanged = true;
    }

    /** Whether the LISTEN connection is open right now (notifications arrive). */
    public boolean connected() { return connected; }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                listen(c);
                connected = true;
                if (failures > 0) {
                    LOG.infof("%s: listening again", name);
                    dispatchAll(null);
                }
                failures = 0;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    if (channelsChanged) {
                        listen(c);
                    }
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                connected = false;
                if (!running) {
                    return;
                }
                if (failures++ == 0) {
                    LOG.warnf("%s: lost the LISTEN connection (%s); the slow polls cover until it is back", name, e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(30_000, 500L << Math.min(failures, 6)));
                } catch (InterruptedException ie) {
                    return;
                }
            } finally {
                connected = false;
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        channelsChanged = false;
        try (Statement s = c.createStatement()) {
            for (String channel : handlers.keySet()) {
                s.execute("LISTEN " + channel);
            }
        }
    }

    private void dispatchAll(String payload) {
        handlers.keySet().forEach(channel -> dispatch(channel, payload));
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> h : handlers.getOrDefault(channel, List.of())) {
            try {
                h.accept(payload);
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: a handler of %s failed", name, channel);
            }
        }
    }
}
