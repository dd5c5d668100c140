package tijian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a real PostgreSQL: the server named by QUARKUS_DATASOURCE_JDBC_URL when set, otherwise a
 * throw-away embedded one, so that the tests need nothing installed.
 */
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            EmbeddedDatabase.Connection db = EmbeddedDatabase.start(Files.createTempDirectory("tijian-test-pg"), true);
            return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                    "quarkus.datasource.username", db.username(),
                    "quarkus.datasource.password", db.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the server stops with the JVM; tests of several profiles share it
    }
}
