package tijian.rulebook;

import java.time.Duration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import tijian.db.DatabaseNotifications;

/** Follows the cluster's rule revision on this instance, from start to shutdown. */
@ApplicationScoped
public class RuleSync {
    @Inject
    RuleBook ruleBook;

    @Inject
    DatabaseNotifications notifications;

    /** How often the cluster's revision is read when no notification came (a lost LISTEN connection). */
    @ConfigProperty(name = "checker.rules.cluster-poll")
    Duration poll;

    private RevisionFollower follower;

    // after the rule book has made its first rule set live
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 800) StartupEvent event) {
        follower = new RevisionFollower(ruleBook, notifications, poll);
        // a revision activated elsewhere while this instance started is picked up now
        follower.wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }
}
