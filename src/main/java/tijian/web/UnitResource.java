package tijian.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.audit.UnitHistory;

/** Units recognised across audits and years by normalised name. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UnitResource {
    @Inject
    UnitHistory history;

    @GET
    @Operation(summary = "Every unit met in an audit: its years and latest score")
    public List<UnitHistory.Unit> units() {
        return history.units();
    }

    @GET
    @Path("/{name}/history")
    @Operation(summary = "A unit's score, grade and item statuses per year (name in any written form: 重庆市綦江区关坝镇人民政府 = 关坝镇)")
    public UnitHistory.History history(@PathParam("name") String name) {
        return history.history(name).orElseThrow(NotFoundException::new);
    }
}
