package tijian.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.audit.AuditExport;
import tijian.audit.AuditIntake;
import tijian.audit.AuditQueries;
import tijian.audit.AuditViews;
import tijian.config.CheckerConfig;
import tijian.security.Roles;

/**
 * Audits: every report of a district uploaded at once, checked in the background, results, exports, re-runs.
 * Inspectors run them; rule authors read them (to see what a rule change does to a district).
 */
@Path("/api/audits")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
public class AuditResource {
    @Inject
    CheckerConfig config;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AuditIntake intake;

    @Inject
    AuditQueries audits;

    @Inject
    AuditExport export;

    /** The largest zip sent as a request body; multipart uploads are bounded by quarkus.http.limits.max-body-size. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Start an audit: form parts \"file\" (many reports, or one .zip with folders) and an optional \"name\"; 202 {id}")
    @Recorded("audit.create")
    @RateLimited(RateLimits.Kind.AUDIT)
    public Response submit(@RestForm("file") List<FileUpload> files, @RestForm("name") String name) throws IOException {
        List<AuditIntake.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (FileUpload f : files) {
                uploads.add(new AuditIntake.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
            }
        }
        return accepted(intake.submit(name, uploads));
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Start an audit from a .zip sent as the request body (?name=…); 202 {id}")
    @Recorded("audit.create")
    @RateLimited(RateLimits.Kind.AUDIT)
    public Response submitZip(java.io.InputStream in, @QueryParam("name") String name) throws IOException {
        byte[] body = in == null ? null : Bodies.readAtMost(in, config.audit().maxUploadBytes());
        List<AuditIntake.Upload> uploads = body == null || body.length == 0 ? List.of()
                : List.of(new AuditIntake.Upload("upload.zip", body));
        return accepted(intake.submit(name, uploads));
    }

    private static Response accepted(AuditViews.Submitted s) {
        return Response.accepted(s).location(URI.create(s.self())).build();
    }

    @GET
    @Operation(summary = "All audits, newest first, with their progress")
    public List<AuditViews.Audit> list() {
        return audits.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An audit's status: total, done, failed (file and reason), duplicates, elapsed time, progress")
    public AuditViews.Audit get(@PathParam("id") String id) {
        return audits.get(uuid(id)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "One row per report (sort=score|unit|grade|failures|year|file, order=asc|desc) and a summary")
    public AuditViews.Results results(@PathParam("id") String id, @QueryParam("sort") String sort, @QueryParam("order") String order) {
        return audits.results(uuid(id), sort, order).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/{id}/rerun")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Check the same files again with the current rules: a new audit linked to this one; 202 {id}")
    @Recorded("audit.rerun")
    @RateLimited(RateLimits.Kind.AUDIT)
    public Response rerun(@PathParam("id") String id) {
        return accepted(intake.rerun(uuid(id)).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(summary = "For a re-run: what changed per report against the audit it re-ran")
    public AuditViews.Changes changes(@PathParam("id") String id) {
        return audits.changes(uuid(id)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The ranking as CSV (UTF-8 with BOM, for Excel)")
    @Recorded("audit.export")
    public Response csv(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        AuditExport.Body body = export.csv(uuid).orElseThrow(NotFoundException::new);
        return download(body, "text/csv; charset=UTF-8", fileName(uuid, "csv"));
    }

    @GET
    @Path("/{id}/export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Excel workbook: ranking, item × report matrix coloured by status, findings with evidence")
    @Recorded("audit.export")
    public Response xlsx(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        AuditExport.Body body = export.xlsx(uuid).orElseThrow(NotFoundException::new);
        return download(body, XLSX, fileName(uuid, "xlsx"));
    }

    private String fileName(UUID id, String ext) {
        String name = audits.get(id).map(AuditViews.Audit::name).orElse(null);
        return (name == null ? "体检结果" : name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "-体检结果") + "." + ext;
    }

    /**
     * The export streamed as it is made (chunked). Whether the audit exists was decided before: a 404 is a proper
     * answer, while a failure once bytes are out can only cut the download short.
     */
    private static Response download(AuditExport.Body body, String type, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        StreamingOutput stream = body::writeTo;
        return Response.ok(stream, type)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .build();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
