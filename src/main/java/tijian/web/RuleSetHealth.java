package tijian.web;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import tijian.rulebook.RuleBook;

/**
 * Ready only while a rule set is live: without one every check would be refused. Also says whether this instance
 * serves the cluster's revision.
 */
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
        // Out of step stays ready: its last good revision still checks, and taking every instance out over a revision
        // none can compile (a rolling upgrade) would stop the service. The data says so; tijian_rules_in_step alerts.
        ruleBook.cluster().ifPresent(c -> builder.withData("clusterRevision", c.revision()));
        builder.withData("inStep", ruleBook.inStep());
        ruleBook.mismatch().ifPresent(m -> builder.withData("mismatch",
                m.revision() + " does not compile here: " + m.problems().stream().filter(tijian.rules.Problem::isError)
                        .findFirst().map(tijian.rules.Problem::toString).orElse("")));
        return builder.build();
    }
}
