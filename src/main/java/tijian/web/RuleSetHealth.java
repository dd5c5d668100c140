package tijian.web;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import tijian.rulebook.RuleBook;

/** Ready only while a rule set is live: without one every check would be refused. */
@Readiness
public class RuleSetHealth implements HealthCheck {
    @Inject
    RuleBook ruleBook;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("rule-set");
        ruleBook.live().ifPresentOrElse(
                l -> builder.up().withData("revision", l.rules().revision()).withData("items", l.rules().items().size()),
                builder::down);
        ruleBook.lastRejection().ifPresent(r -> builder.withData("lastRejection", r.at().toString()));
        return builder.build();
    }
}
