package tijian.activity;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import tijian.rulebook.RuleAuthoring;
import tijian.rulebook.RuleBook;

/**
 * Writes a {@link Recorded} resource method's calls into the {@link ActivityLog}, whatever their outcome: a refusal
 * (401, 403, 404, 413, 422, 429…) is as much worth seeing as a success, e.g. repeated refused rule uploads.
 */
public class ActivityFilter {
    @Inject
    ActivityLog log;

    @Inject
    Requester requester;

    @Inject
    RuleBook ruleBook;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Recorded recorded = method == null ? null : method.getAnnotation(Recorded.class);
        if (recorded == null) {
            return;
        }
        try {
            Object entity = response.getEntity();
            String created = idOf(entity);
            String params = pathParams(request);
            String target = created != null ? created
                    : !params.isEmpty() ? params
                    : request.getUriInfo().getQueryParameters().getFirst("name");
            List<String> detail = new ArrayList<>();
            if (created != null && !params.isEmpty()) {
                detail.add("from " + params);
            }
            String outcome = outcome(entity, response.getStatus());
            if (outcome != null) {
                detail.add(outcome);
            }
            String revision = ruleBook.live().map(l -> l.rules().revision()).orElse(null);
            log.record(new ActivityLog.Entry(Instant.now(), requester.user(), requester.roles(), recorded.value(), target,
                    detail.isEmpty() ? null : String.join("; ", detail), requester.remoteAddress(), revision,
                    response.getStatus()));
        } catch (RuntimeException e) {
            // never fail the answer because of the trail; ActivityLog logs what it could not store
            log.record(new ActivityLog.Entry(Instant.now(), null, List.of(), recorded.value(), null,
                    "incomplete record: " + e, null, null, response.getStatus()));
        }
    }

    private static String pathParams(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        List<String> values = new ArrayList<>();
        params.forEach((k, v) -> values.addAll(v));
        return String.join("/", values);
    }

    /**
     * What the call created, when the answer is a record that names it: the {@code id} of a check or an audit, the
     * {@code name} of a user.
     */
    private static String idOf(Object entity) {
        if (entity == null || !entity.getClass().isRecord()) {
            return null;
        }
        String id = component(entity, "id");
        return id != null ? id : component(entity, "name");
    }

    private static String component(Object entity, String name) {
        for (RecordComponent c : entity.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    Object id = c.getAccessor().invoke(entity);
                    return id == null ? null : id.toString();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String outcome(Object entity, int status) {
        // Error bodies are the web layer's records; read by their components so activity does not depend on web.
        String code = status >= 400 && entity != null && entity.getClass().isRecord() ? component(entity, "code") : null;
        if (code != null) {
            return code + ": " + component(entity, "messageEn");
        }
        if (entity instanceof RuleAuthoring.Validation v) {
            if (v.valid()) {
                return "valid, revision " + v.revision();
            }
            String first = v.errors().isEmpty() ? "" : ", first: " + v.errors().get(0);
            return "invalid, " + v.errors().size() + " error(s)" + first;
        }
        return null;
    }
}
