package tijian.testsupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import tijian.db.DatabaseNotifications;
import tijian.db.PgListener;

/** What a second service instance, built by a test beside the running one, uses to hear from the shared database. */
public final class OtherInstance {
    private OtherInstance() {}

    /** A LISTEN connection of its own to the running service's database (not started yet). */
    public static DatabaseNotifications notifications(String name) {
        Config config = ConfigProvider.getConfig();
        return new DatabaseNotifications(new PgListener(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null), name));
    }
}
