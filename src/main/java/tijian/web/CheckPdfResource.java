package tijian.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.security.Caller;

/** A stored check as a PDF, for whoever may read the check (the same rule as {@code GET /api/checks/{id}}). */
@Path("/api/checks/{id}/report.pdf")
@Blocking
public class CheckPdfResource {
    @Inject
    CheckService checks;

    @Inject
    SecurityIdentity identity;

    @Inject
    CheckPdf pdf;

    @GET
    @PermitAll
    @Produces("application/pdf")
    @Operation(summary = "A stored check as a PDF (title, unit, year, score, grade, every item with its quote and advice); whoever may read the check")
    public Response get(@PathParam("id") String id) throws IOException {
        UUID uuid = AuditResource.uuid(id);
        CheckView check = checks.stored(uuid, Caller.of(identity)).orElseThrow(NotFoundException::new);
        byte[] bytes = pdf.render(check);
        String unit = check.report().unit() == null ? "" : check.report().unit();
        String name = (unit.isEmpty() ? "" : unit + "-") + "体检结果.pdf";
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
