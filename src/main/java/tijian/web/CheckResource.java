package tijian.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.config.CheckerConfig;
import tijian.refusal.Refusal;
import tijian.security.Caller;

/**
 * Check one report: upload it, get the scored checklist; read a stored check back. Checking is open to anonymous
 * callers unless {@code checker.auth.anonymous-checks=false}; who may read a stored check is decided per check.
 */
@Path("/api/checks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CheckResource {
    @Inject
    CheckerConfig config;

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    CheckService checks;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermitAll
    @Operation(summary = "Check an uploaded report file (form part \"file\": .txt .html .docx .doc .pdf; optional profile as ?profile= or form part \"profile\"); anyone, unless anonymous checks are off")
    @Recorded("check.create")
    @RateLimited(RateLimits.Kind.CHECK)
    public CheckView upload(@RestForm("file") FileUpload file, @RestForm("profile") String formProfile,
                            @QueryParam("profile") String profile) throws IOException {
        Caller caller = checker();
        if (file == null) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "missing-file", "请在表单字段 file 中上传报告文件。",
                    "Upload the report in the form part named \"file\".");
        }
        return checks.check(Files.readAllBytes(file.uploadedFile()), file.fileName(), file.contentType(), caller,
                profile != null && !profile.isBlank() ? profile : formProfile);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @PermitAll
    @Operation(summary = "Check a report sent as the request body (text/plain, text/html, application/pdf, docx…); anyone, unless anonymous checks are off")
    @Recorded("check.create")
    @RateLimited(RateLimits.Kind.CHECK)
    public CheckView body(java.io.InputStream body, @HeaderParam("Content-Type") String contentType,
                          @QueryParam("fileName") String fileName, @QueryParam("profile") String profile) throws IOException {
        Caller caller = checker();
        // read while counting: a body without Content-Length stops at the limit instead of being buffered whole
        byte[] bytes = body == null ? new byte[0] : Bodies.readAtMost(body, config.upload().maxBytes());
        return checks.check(bytes, fileName, contentType, caller, profile);
    }

    @GET
    @Authenticated
    @Operation(summary = "Stored checks the caller may read, newest first: all for inspectors and rule authors, the unit's own for a unit")
    public List<CheckService.Summary> list(@QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-page", "page 应 ≥ 0，size 应在 1–" + MAX_PAGE_SIZE + " 之间。",
                    "page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return checks.list(Caller.of(identity), page, size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A stored check, exactly as first returned: its owner, the owner's unit, inspectors and rule authors; an anonymous check whoever holds its id; 404 for anyone else")
    public Response get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return checks.stored(uuid, Caller.of(identity))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build())
                .orElseThrow(NotFoundException::new);
    }

    private Caller checker() {
        Caller caller = Caller.of(identity);
        if (caller.isAnonymous() && !config.auth().anonymousChecks()) {
            throw new UnauthorizedException();
        }
        return caller;
    }
}
