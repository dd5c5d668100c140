package tijian.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.config.CheckerConfig;
import tijian.refusal.Refusal;
import tijian.security.Caller;
import tijian.security.Users;

/** Who the caller is, for the pages to show the right things; and changing one's own password. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class MeResource {
    @Inject
    CheckerConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    Users users;

    /** {@code name} is null for an anonymous caller; {@code anonymousChecks} tells a page whether it may check at all. */
    public record Me(String name, List<String> roles, String unit, boolean anonymousChecks) {}

    public record PasswordChange(String password) {}

    @GET
    @PermitAll
    @Operation(summary = "The caller: name, roles and unit (anonymous: name null)")
    public Me me() {
        Caller caller = Caller.of(identity);
        Object unit = identity.getAttribute(Caller.UNIT_ATTRIBUTE);
        return new Me(caller.name(), caller.roles().stream().sorted().toList(),
                caller.unitKey() == null ? null : unit.toString(), config.auth().anonymousChecks());
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Recorded("user.password")
    @Operation(summary = "Change one's own password: {password}")
    public Response changePassword(PasswordChange change) {
        users.resetPassword(identity.getPrincipal().getName(), change == null ? null : nonEmpty(change.password()));
        return Response.noContent().build();
    }

    /** An empty password here is a mistake, not a request for a random one. */
    private static String nonEmpty(String password) {
        if (password == null || password.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-password", "请填写新密码。", "Give the new password.");
        }
        return password;
    }
}
