package tijian.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

import tijian.annotate.AnnotatedChecks;
import tijian.security.Caller;

/** A stored check as the unit's Word file with the findings as comments, for whoever may read the check. */
@Path("/api/checks/{id}/annotated.docx")
@Blocking
public class CheckDocxResource {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    AnnotatedChecks annotated;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    @Produces(DOCX)
    @Operation(summary = "The checked report as .docx with a Word comment (批注) at each passage of a failed or questionable item and a summary at the top: the uploaded .docx itself when there was one; whoever may read the check")
    public Response get(@PathParam("id") String id) {
        AnnotatedChecks.Annotated doc = annotated.annotated(AuditResource.uuid(id), Caller.of(identity))
                .orElseThrow(NotFoundException::new);
        return Response.ok(doc.docx(), DOCX)
                .header("Content-Disposition", "attachment; filename=\"annotated.docx\"; filename*=UTF-8''"
                        + URLEncoder.encode(doc.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
