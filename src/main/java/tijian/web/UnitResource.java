package tijian.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import tijian.audit.UnitHistory;
import tijian.security.Caller;
import tijian.security.Roles;

/** Units recognised across audits and years by normalised name. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UnitResource {
    @Inject
    UnitHistory history;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
    @Operation(summary = "Every unit met in an audit: its years and latest score (inspectors, rule authors)")
    public List<UnitHistory.Unit> units() {
        return history.units();
    }

    @GET
    @Path("/{name}/history")
    @Authenticated
    @Operation(summary = "A unit's score, grade and item statuses per year (name in any written form: 重庆市綦江区关坝镇人民政府 = 关坝镇); a unit user its own unit only, 404 for others")
    public UnitHistory.History history(@PathParam("name") String name) {
        if (!Caller.of(identity).mayReadUnit(name)) {
            throw new NotFoundException();
        }
        return history.history(name).orElseThrow(NotFoundException::new);
    }
}
