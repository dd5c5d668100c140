package tijian.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.web.ApiException;

/** Check one report: upload it, get the scored checklist; read a stored check back. */
@Path("/api/checks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CheckResource {
    @Inject
    CheckService checks;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Check an uploaded report file (form part \"file\": .txt .html .docx .doc .pdf)")
    @Recorded("check.create")
    @RateLimited(RateLimits.Kind.CHECK)
    public CheckView upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw new ApiException(400, "missing-file", "请在表单字段 file 中上传报告文件。",
                    "Upload the report in the form part named \"file\".");
        }
        return checks.check(Files.readAllBytes(file.uploadedFile()), file.fileName(), file.contentType());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check a report sent as the request body (text/plain, text/html, application/pdf, docx…)")
    @Recorded("check.create")
    @RateLimited(RateLimits.Kind.CHECK)
    public CheckView body(byte[] body, @HeaderParam("Content-Type") String contentType,
                          @QueryParam("fileName") String fileName) {
        return checks.check(body == null ? new byte[0] : body, fileName, contentType);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A stored check, exactly as it was first returned")
    public Response get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return checks.stored(uuid).map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build())
                .orElseThrow(NotFoundException::new);
    }
}
