package tijian.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;

import tijian.config.CheckerConfig;
import tijian.security.Caller;
import tijian.security.Roles;

/**
 * The pages: server-rendered shells (one header, the roles' navigation) whose data comes from the API through the
 * page's script. Each page says who may open it with the same roles as the API behind it; an anonymous browser is
 * sent to the login page and back, a wrong role gets a page saying so (not JSON).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class Pages {
    @Inject
    CheckerConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("pages/selfcheck.html")
    Template selfcheck;

    @Inject
    @Location("pages/audits.html")
    Template audits;

    @Inject
    @Location("pages/audit.html")
    Template audit;

    @Inject
    @Location("pages/units.html")
    Template units;

    @Inject
    @Location("pages/unit.html")
    Template unit;

    @Inject
    @Location("pages/rules.html")
    Template rules;

    @Inject
    @Location("pages/error.html")
    Template error;

    @Inject
    HttpServerRequest request;

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    /** Who is looking, as the header shows it: name, unit, and which pages the roles open. */
    @io.quarkus.qute.TemplateData
    public record Viewer(String name, String unit, boolean audits, boolean units, boolean rules, boolean ruleAuthor,
                         boolean inspector, String unitLink) {
        public static final Viewer ANONYMOUS = new Viewer(null, null, false, false, false, false, false, null);

        public boolean signedIn() { return name != null; }
    }

    Viewer viewer() {
        Caller caller = Caller.of(identity);
        if (caller.isAnonymous()) {
            return Viewer.ANONYMOUS;
        }
        Object unitName = identity.getAttribute(Caller.UNIT_ATTRIBUTE);
        String unitLink = caller.unitKey() != null && unitName != null ? "/units/" + encode(unitName.toString()) : null;
        return new Viewer(caller.name(), caller.unitKey() == null ? null : unitName.toString(), caller.readsEverything(),
                caller.readsEverything() || unitLink != null, true, caller.has(Roles.RULE_AUTHOR),
                caller.has(Roles.INSPECTOR), unitLink);
    }

    private TemplateInstance page(Template template, String nav) {
        return template.data("viewer", viewer()).data("nav", nav).data("anonymousChecks", config.auth().anonymousChecks());
    }

    /** HTML is never taken from a cache without asking: a new version shows at once. */
    private static Response html(TemplateInstance page, int status) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-cache").build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Page 自查: paste or upload a report, see its checklist (anyone)")
    public Response home() {
        return html(page(selfcheck, "check").data("checkId", null), 200);
    }

    @GET
    @Path("checks/{id}")
    @PermitAll
    @Operation(summary = "Page: a stored check, the same view as the self-check (whoever may read the check; the page asks the API)")
    public Response check(@PathParam("id") String id) {
        return html(page(selfcheck, "check").data("checkId", AuditResource.uuid(id).toString()), 200);
    }

    @GET
    @Path("audits")
    @RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
    @Operation(summary = "Page 批量审核: past audits and a form to start one (inspector; rule-author reads)")
    public Response audits() {
        return html(page(audits, "audits"), 200);
    }

    @GET
    @Path("audits/{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
    @Operation(summary = "Page: one audit's ranking, charts, failures, duplicates, exports, re-run (inspector; rule-author reads)")
    public Response audit(@PathParam("id") String id) {
        return html(page(audit, "audits").data("auditId", AuditResource.uuid(id).toString()), 200);
    }

    @GET
    @Path("units")
    @Authenticated
    @Operation(summary = "Page 单位: every unit met in an audit (inspector, rule-author); a unit user goes to its own unit")
    public Response units() {
        Viewer v = viewer();
        if (!v.audits()) {
            if (v.unitLink() != null) {
                return Response.seeOther(URI.create(v.unitLink())).header("Cache-Control", "no-cache").build();
            }
            throw new ForbiddenException();
        }
        return html(page(units, "units"), 200);
    }

    @GET
    @Path("units/{name}")
    @Authenticated
    @Operation(summary = "Page: a unit's scores and item statuses across years (inspector, rule-author; a unit user its own unit only)")
    public Response unit(@PathParam("name") String name) {
        if (!Caller.of(identity).mayReadUnit(name)) {
            throw new NotFoundException();
        }
        return html(page(unit, "units").data("unitName", name), 200);
    }

    @GET
    @Path("rules")
    @Authenticated
    @Operation(summary = "Page 规则: the live rules and their examples (signed in); errors, revisions and validation (rule-author)")
    public Response rules() {
        return html(page(rules, "rules"), 200);
    }

    /** Not signed in: to the login page, which sends the browser back here afterwards (same origin only). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        String back = request.absoluteURI();
        return Response.status(302).location(URI.create("/login"))
                .header("Set-Cookie", locationCookie + "=" + back + "; Path=/; HttpOnly; SameSite=Strict")
                .header("Cache-Control", "no-cache").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return html(page(error, "").data("status", 403).data("heading", "无权访问此页面")
                .data("message", "您的账号角色不能打开这个页面。如需使用批量审核或规则维护，请联系管理员分配角色。"), 403);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return html(page(error, "").data("status", 404).data("heading", "未找到")
                .data("message", "这个页面不存在，或您的账号无权查看。"), 404);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
