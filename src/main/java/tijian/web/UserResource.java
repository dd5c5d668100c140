package tijian.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.refusal.Refusal;
import tijian.security.Roles;
import tijian.security.Users;

/** Users and their roles: the admin's desk. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Roles.ADMIN)
public class UserResource {
    @Inject
    Users users;

    /** A new user: {@code unit} is required for, and only for, the unit role. */
    public record NewUser(String name, String password, List<String> roles, String unit) {}

    public record NewPassword(String password) {}

    @GET
    @Operation(summary = "Every user with roles, unit and whether enabled (admin)")
    public List<Users.UserView> list() {
        return users.list();
    }

    @POST
    @Recorded("user.create")
    @Operation(summary = "Create a user: {name, password, roles:[unit|inspector|rule-author|admin], unit} (admin); 201")
    public Response create(NewUser user) {
        if (user == null) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "missing-body", "请提交用户信息 JSON。", "Send the user as JSON.");
        }
        Users.UserView created = users.create(user.name(), user.password(), user.roles(), user.unit());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One user (admin)")
    public Users.UserView get(@PathParam("name") String name) {
        return users.get(name);
    }

    @PATCH
    @Path("/{name}")
    @Recorded("user.update")
    @Operation(summary = "Change a user's roles, unit or enabled (admin); the last enabled admin cannot be locked out")
    public Users.UserView change(@PathParam("name") String name, Users.Change change) {
        if (change == null) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "missing-body", "请提交要修改的字段。", "Send the fields to change as JSON.");
        }
        return users.change(name, change);
    }

    @POST
    @Path("/{name}/password")
    @Recorded("user.password")
    @Operation(summary = "Reset a user's password: the one given, or a random one answered once (admin)")
    public Map<String, String> resetPassword(@PathParam("name") String name, NewPassword password) {
        String chosen = users.resetPassword(name, password == null ? null : password.password());
        return Map.of("name", name, "password", chosen);
    }
}
