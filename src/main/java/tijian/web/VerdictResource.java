package tijian.web;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.refusal.Refusal;
import tijian.security.Caller;
import tijian.security.Roles;
import tijian.verdict.Verdicts;

/** Inspectors' verdicts on the findings of a stored check: given by inspectors, read by whoever may read the check. */
@Path("/api/checks/{id}/verdicts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class VerdictResource {
    @Inject
    Verdicts verdicts;

    @Inject
    SecurityIdentity identity;

    /** What an inspector says of a finding: {@code accepted}, or {@code wrong} with the reason. */
    public record Decision(String verdict, String reason) {}

    @PUT
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Recorded("check.verdict")
    @Operation(summary = "An inspector's verdict on the finding of one item of a stored check: {\"verdict\":\"accepted\"} or {\"verdict\":\"wrong\",\"reason\":\"…\"}; kept for the same report text while the finding stays the same")
    public Verdicts.Verdict decide(@PathParam("id") String id, @PathParam("itemId") String itemId, Decision decision) {
        if (decision == null) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "missing-verdict", "请在请求正文中给出 verdict（accepted 或 wrong）及理由。",
                    "Send {\"verdict\": \"accepted\" | \"wrong\", \"reason\": \"…\"} as the body.");
        }
        return verdicts.decide(AuditResource.uuid(id), itemId, decision.verdict(), decision.reason(), Caller.of(identity));
    }

    @GET
    @PermitAll
    @Operation(summary = "Inspectors' verdicts that apply to a stored check's findings, by item; whoever may read the check")
    public Map<String, Verdicts.Verdict> ofCheck(@PathParam("id") String id) {
        return verdicts.of(AuditResource.uuid(id), Caller.of(identity)).orElseThrow(NotFoundException::new);
    }
}
