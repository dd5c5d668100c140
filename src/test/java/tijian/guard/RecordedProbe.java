package tijian.guard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import tijian.activity.Recorded;

/**
 * A test-only endpoint shaped like the ones the role work will guard: refusals by role (401/403, answered before
 * the method runs, possibly on an I/O thread) must reach the audit trail too.
 */
@Path("/test/recorded-probe/{name}")
public class RecordedProbe {
    @POST
    @RolesAllowed("admin")
    @Recorded("test.probe")
    public String probe(@PathParam("name") String name) {
        return "ok";
    }
}
