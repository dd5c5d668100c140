package tijian.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import tijian.refusal.Refusal;

/** The audit trail, for administrators. */
@Path("/api/activity")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed("admin")
public class ActivityResource {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    @Inject
    ActivityLog log;

    @GET
    @Operation(summary = "The audit trail, newest first: who checked, audited, exported, re-ran, changed rules or users; "
            + "filters actor (a user name, or \"anonymous\"), action, since, until (ISO instant or date); page from 0, size up to 500")
    public ActivityLog.Page list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                 @QueryParam("since") String since, @QueryParam("until") String until,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || s < 1) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-parameter", "page 不能为负数，size 至少为 1。",
                    "page must not be negative and size must be at least 1.");
        }
        return log.find(new ActivityLog.Query(blankToNull(actor), blankToNull(action), instant("since", since, false),
                instant("until", until, true)), p, Math.min(s, MAX_SIZE));
    }

    /** An ISO instant (2026-03-01T08:00:00Z), or a date in the server's zone: from its start, or until its end. */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-parameter", name + " 应为日期（2026-03-01）或时间（2026-03-01T08:00:00Z）。",
                        name + " must be a date (2026-03-01) or an instant (2026-03-01T08:00:00Z).");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
