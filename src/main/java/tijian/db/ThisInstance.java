package tijian.db;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * This running service among the others on the database: one id for its audit leases and its rule activations.
 * Host (the pod's name under Kubernetes), process id and a random tail, so that a restarted process is a new owner.
 */
@ApplicationScoped
public class ThisInstance {
    private final String id;

    public ThisInstance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        String pid = jvm.contains("@") ? jvm.substring(0, jvm.indexOf('@')) : jvm;
        id = (host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    public String id() { return id; }
}
