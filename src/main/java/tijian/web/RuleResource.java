package tijian.web;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.rules.Item;
import tijian.rules.Problem;
import tijian.rules.RuleBook;

/** What the service checks: the live rule set, its items, and the last rejected change. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RuleResource {
    @Inject
    RuleBook ruleBook;

    public record RuleSetView(String revision, Instant activeSince, String directory, List<Item> items,
                              List<Problem> warnings, RuleBook.Rejection lastRejection) {}

    @GET
    @Operation(summary = "The live rule set: revision, since when, items, warnings and the last rejected change")
    public RuleSetView rules() {
        RuleBook.Rejection rejection = ruleBook.lastRejection().orElse(null);
        return ruleBook.live()
                .map(l -> new RuleSetView(l.rules().revision(), l.since(), ruleBook.dir().toString(),
                        List.copyOf(l.rules().items().values()), l.rules().warnings(), rejection))
                .orElseGet(() -> new RuleSetView(null, null, ruleBook.dir().toString(), List.of(), List.of(), rejection));
    }
}
