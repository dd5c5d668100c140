package tijian.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.corpus.PassageIndex;
import tijian.security.Roles;

/** The most similar pairs of an audit's reports: passages one unit's report shares with another's. */
@Path("/api/audits/{id}/similar-pairs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuditSimilarityResource {
    @Inject
    PassageIndex passages;

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.RULE_AUTHOR})
    @Operation(summary = "Pairs of the audit's reports that share passages (boilerplate left out), most similar first, with the passages side by side")
    public List<PassageIndex.Pair> pairs(@PathParam("id") String id) {
        return passages.similarPairs(AuditResource.uuid(id)).orElseThrow(NotFoundException::new);
    }
}
