package tijian;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import tijian.db.EmbeddedDatabase;

/**
 * Starts the service. Runs before Quarkus reads its configuration, which is what lets it start an embedded
 * PostgreSQL and hand its address to the datasource when none is configured.
 */
@QuarkusMain
public final class Main {
    Main() {}

    public static void main(String... args) {
        if (!configured("quarkus.datasource.jdbc.url")) {
            Path dataDir = Path.of(setting("checker.data.dir", "data"));
            EmbeddedDatabase.Connection db = EmbeddedDatabase.start(dataDir.resolve("postgres"), false);
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", db.username());
            System.setProperty("quarkus.datasource.password", db.password());
        }
        if (!configured("quarkus.http.auth.session.encryption-key") && System.getenv("CHECKER_SESSION_KEY") == null) {
            System.setProperty("quarkus.http.auth.session.encryption-key",
                    SessionKey.readOrCreate(Path.of(setting("checker.data.dir", "data")).resolve("session-key")));
        }
        Quarkus.run(args);
    }

    private static boolean configured(String property) {
        return System.getProperty(property) != null || System.getenv(envName(property)) != null;
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property, System.getenv(envName(property)));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
