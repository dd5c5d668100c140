package tijian.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

import tijian.db.DatabaseFaults;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wrong credentials are refused before any resource runs, and Quarkus would answer with an empty 401. An API client
 * gets the project's JSON error instead; a page whose session is no longer valid (user disabled) goes back to the
 * login page with the stale cookie removed.
 */
@ApplicationScoped
public class SignInFailures {
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        // a sign-in that failed because the users table could not be read is the database's 503, not a wrong password
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().headWritten()
                || DatabaseFaults.isUnavailable(context.failure())) {
            context.next();
            return;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean page = !context.normalizedPath().startsWith("/api/") && accept != null && accept.contains("text/html");
        if (page) {
            context.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, "/login?error=true")
                    .putHeader(HttpHeaders.SET_COOKIE, cookieName + "=; Path=/; Max-Age=0; HttpOnly")
                    .end();
            return;
        }
        if (context.request().getHeader("X-Requested-With") == null) {
            context.response().putHeader("WWW-Authenticate", ApiError.BASIC_CHALLENGE);
        }
        new ApiError(401, "bad-credentials", "用户名或密码不正确，或账号已停用。",
                "Wrong user name or password, or the user is disabled.", List.of()).send(context.response(), json);
    }
}
