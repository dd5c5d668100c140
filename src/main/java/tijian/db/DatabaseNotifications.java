package tijian.db;

import java.util.Optional;
import java.util.function.Consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's LISTEN connection to the application database: how one instance learns at once what another did
 * (a rule revision activated, audit files queued). Handlers subscribe while the application starts; the connection
 * opens after every start-up observer has run.
 */
@ApplicationScoped
public class DatabaseNotifications {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgListener listener;

    DatabaseNotifications() {}

    /** Notifications through a listener of one's own: for a second instance's components built by a test. */
    public DatabaseNotifications(PgListener listener) {
        this.listener = listener;
    }

    private synchronized PgListener listener() {
        if (listener == null) {
            listener = new PgListener(url, user.orElse(null), password.orElse(null), "db-notifications");
        }
        return listener;
    }

    /** Calls {@code handler} with each notification's payload on {@code channel}, and with null after a reconnect. */
    public void on(String channel, Consumer<String> handler) {
        listener().on(channel, handler);
    }

    public boolean connected() { return listener().connected(); }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 900) StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    public void start() { listener().start(); }

    public void close() { listener().close(); }
}
