package tijian.web;

import java.util.Date;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The login form (it posts to Quarkus' {@code /j_security_check}) and signing out. */
@Path("/")
@PermitAll
public class LoginPage {
    @Inject
    Template login;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The login page (anyone)")
    public TemplateInstance page(@QueryParam("error") String error) {
        return login.data("error", error != null).data("viewer", Pages.Viewer.ANONYMOUS).data("nav", "login");
    }

    @GET
    @Path("logout")
    @Operation(summary = "Sign out of the pages: forgets the session cookie and goes back to the start page (anyone)")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).expiry(new Date(0))
                .httpOnly(true).build();
        return Response.seeOther(java.net.URI.create("/")).cookie(gone).build();
    }
}
