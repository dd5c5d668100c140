package tijian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself, so that a newcomer needs no database to start it. The data
 * directory is kept between runs; a real server is used instead whenever a JDBC URL is configured.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static Supervised running;
    @SuppressWarnings("unused")
    private static FileLock heldLock;

    private EmbeddedDatabase() {}

    /** Connection settings of a started server. */
    public record Connection(String jdbcUrl, String username, String password) {}

    /**
     * Starts the server on a data directory, once per JVM (dev mode calls main again on every restart).
     * {@code clean} wipes the directory first, for throw-away test databases.
     */
    public static synchronized Connection start(Path dataDirectory, boolean clean) {
        if (running == null) {
            try {
                Files.createDirectories(dataDirectory);
                claim(dataDirectory);
                running = new Supervised(dataDirectory, clean, Duration.ofSeconds(2));
            } catch (IOException e) {
                throw new UncheckedIOException(explain(e), e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(explain(e), e);
            }
            Supervised server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return running.connection();
    }

    /** The supervised server of this JVM, if it started one (for health checks). */
    public static synchronized Optional<Supervised> supervised() {
        return Optional.ofNullable(running);
    }

    /**
     * An embedded PostgreSQL that is kept running: every {@code every} a watchdog checks that the postmaster is
     * alive, and when it died (killed, crashed, out of memory) starts it again on the same port and data
     * directory, so the connection pool reconnects to the same address and the service recovers by itself.
     * PostgreSQL's crash recovery replays its log on that start: committed work is kept.
     */
    public static final class Supervised implements AutoCloseable {
        private final Path dataDirectory;
        private final boolean clean;
        private final int port;
        private final ScheduledExecutorService watchdog;
        private volatile EmbeddedPostgres server;
        private volatile Instant downSince;
        private final AtomicInteger restarts = new AtomicInteger();
        private volatile boolean closed;

        /** Starts the server; {@code clean} starts on an empty directory and deletes it when closed (tests). */
        public Supervised(Path dataDirectory, boolean clean, Duration every) throws IOException {
            this.dataDirectory = dataDirectory;
            this.clean = clean;
            if (clean) {
                deleteContents(dataDirectory);
            }
            // never let the library clean: it would delete the data when a dead server is closed for a restart
            this.server = builder(dataDirectory).start();
            this.port = server.getPort();
            this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-postgres-watchdog");
                t.setDaemon(true);
                return t;
            });
            watchdog.scheduleWithFixedDelay(this::watch, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        public Connection connection() {
            return new Connection(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }

        /** Whether the postmaster process is running. */
        public boolean alive() {
            return postmasterPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        }

        /** The postmaster's process id, from its pid file. */
        public Optional<Long> postmasterPid() {
            try {
                return Optional.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Since when the server has been down, while it is. */
        public Optional<Instant> downSince() {
            return Optional.ofNullable(downSince);
        }

        public int restarts() {
            return restarts.get();
        }

        void watch() {
            if (closed) {
                return;
            }
            if (alive()) {
                downSince = null;
                return;
            }
            boolean first = downSince == null;
            if (first) {
                downSince = Instant.now();
                LOG.warnf("the embedded PostgreSQL on port %d is not running; restarting it", port);
            }
            try {
                restart();
                restarts.incrementAndGet();
                LOG.infof("the embedded PostgreSQL is running again on port %d (down %d s)", port,
                        Duration.between(downSince, Instant.now()).toSeconds());
                downSince = null;
            } catch (IOException | RuntimeException e) {
                if (first) {
                    LOG.warnf("the embedded PostgreSQL did not start again, retrying: %s", e.getMessage());
                } else {
                    LOG.debugf("the embedded PostgreSQL did not start again: %s", e.getMessage());
                }
            }
        }

        private synchronized void restart() throws IOException {
            try {
                server.close(); // releases its lock on the directory; stopping the dead server fails, which is logged
            } catch (IOException | RuntimeException ignored) {
                // nothing more to stop
            }
            // children of a killed postmaster notice its death and exit; its pid file is stale, PostgreSQL replaces it
            server = builder(dataDirectory).setPort(port).start();
        }

        /**
         * The library turns synchronous_commit off (fine for throw-away test databases): then a crash of PostgreSQL
         * loses the last commits, which the service has already reported done. Commits are durable here.
         */
        private static EmbeddedPostgres.Builder builder(Path dataDirectory) {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on");
        }

        @Override
        public void close() {
            closed = true;
            watchdog.shutdownNow();
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; PostgreSQL recovers from an unclean stop on its next start
            }
            if (clean) {
                try {
                    deleteContents(dataDirectory);
                    Files.deleteIfExists(dataDirectory);
                } catch (IOException ignored) {
                    // a temporary directory; the system cleans it eventually
                }
            }
        }

        private static void deleteContents(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * Makes this process the only user of the data directory. A service killed hard (kill -9, power loss) leaves its
     * PostgreSQL running with nobody to stop it, and the next start would fail on its lock: holding our own lock file
     * proves no other service instance uses the directory, so such a server is an orphan and is shut down first.
     */
    private static void claim(Path dataDirectory) throws IOException {
        FileChannel channel = FileChannel.open(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the data directory " + dataDirectory.toAbsolutePath()
                    + " is in use by another running instance of the service");
        }
        // Held until the JVM exits; the operating system releases it even when the process is killed.
        heldLock = lock;
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return; // an unreadable pid file is stale; PostgreSQL replaces it
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            LOG.warnf("stopping PostgreSQL %d left running on %s by a service that was killed", pid, dataDirectory);
            orphan.get().destroy(); // SIGTERM: the dead service's sessions are gone, so it shuts down at once
            try {
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                orphan.get().destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // it exited one way or another
            }
        }
    }

    private static String explain(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("root")) {
            return "The embedded PostgreSQL cannot run as root where user namespaces are not allowed. Run the service as "
                    + "a normal user, or point it at a PostgreSQL server with QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD. (" + message + ")";
        }
        return "The embedded PostgreSQL did not start: " + message + ". Set QUARKUS_DATASOURCE_JDBC_URL to use another server.";
    }
}
