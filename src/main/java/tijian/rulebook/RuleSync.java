package tijian.rulebook;

import java.time.Duration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import tijian.config.CheckerConfig;
import tijian.db.DatabaseNotifications;

/** Follows the cluster's rule revision on this instance, from start to shutdown. */
@ApplicationScoped
public class RuleSync {
    @Inject
    RuleBook ruleBook;

    @Inject
    DatabaseNotifications notifications;

    @Inject
    CheckerConfig config;

    private RevisionFollower follower;

    // after the rule book has made its first rule set live
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 800) StartupEvent event) {
        follower = new RevisionFollower(ruleBook, notifications, config.rules().clusterPoll());
        // a revision activated elsewhere while this instance started is picked up now
        follower.wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }
}
