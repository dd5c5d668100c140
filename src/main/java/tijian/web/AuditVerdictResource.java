package tijian.web;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.security.Roles;
import tijian.verdict.Verdicts;

/** Inspectors' verdicts on the findings of an audit's reports, for its results page. */
@Path("/api/audits/{id}/verdicts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuditVerdictResource {
    @Inject
    Verdicts verdicts;

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
    @Operation(summary = "Inspectors' verdicts on the findings of an audit's checks, by check id and item")
    public Map<UUID, Map<String, Verdicts.Verdict>> ofAudit(@PathParam("id") String id) {
        return verdicts.ofAudit(AuditResource.uuid(id));
    }
}
