package tijian.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;


import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import tijian.config.CheckerConfig;

/**
 * Refuses what the REST layer cannot even route, at the HTTP layer and before any body is read: a Content-Type
 * header that does not parse (the REST layer's media type matching would throw, a plain 500), and a check whose
 * declared length is over {@code checker.upload.max-bytes} (without this the body would be read up to the global
 * {@code quarkus.http.limits.max-body-size}, meant for audits, before the 413). Answers are {@link ApiError}s.
 */
@ApplicationScoped
public class RequestGuard {
    @Inject
    CheckerConfig config;

    /** Room for the multipart framing around a file of the largest allowed size. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(this::guard);
        // failures outside the REST layer (signing in with HTTP Basic reads the users table) while the database is
        // down: the same JSON 503 as the REST layer's, not Quarkus' plain-text 500
        router.route("/api/*").order(-1000).failureHandler(this::failed);
    }

    void failed(RoutingContext rc) {
        if (rc.failure() != null && tijian.db.DatabaseFaults.isUnavailable(rc.failure()) && !rc.response().headWritten()) {
            rc.response().putHeader("Retry-After", String.valueOf(ErrorMappers.DATABASE_RETRY_AFTER));
            refuse(rc, 503, "database-unavailable", "数据库暂时不可用，请稍后再试。",
                    "The database is unavailable for the moment; please try again shortly.");
            return;
        }
        rc.next();
    }

    void guard(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType)) {
            refuse(rc, 400, "bad-content-type", "请求头 Content-Type 无法解析：" + printable(contentType),
                    "The Content-Type header cannot be parsed: " + printable(contentType));
            return;
        }
        if (rc.request().method() == HttpMethod.POST && rc.normalizedPath().equals("/api/checks")) {
            if (contentType == null) {
                // a body without a type is sniffed like any other; left alone it would be routed to the multipart
                // method and refused as "missing-file"
                rc.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
            }
            long length = contentLength(rc);
            if (length > config.upload().maxBytes() + MULTIPART_OVERHEAD) {
                refuse(rc, 413, "too-large", "文件过大，单个文件最大允许 " + config.upload().maxBytes() / (1024 * 1024) + " MB。",
                        "The upload is too large; the maximum is " + config.upload().maxBytes() / (1024 * 1024) + " MB per file.");
                return;
            }
        }
        rc.next();
    }

    static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long contentLength(RoutingContext rc) {
        String value = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext rc, int status, String code, String zh, String en) {
        // the body is not read: close the connection after the answer instead of draining it
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        new ApiError(status, code, zh, en, List.of()).send(rc.response(), json);
    }

    private static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 100 ? p.substring(0, 100) + "…" : p;
    }
}
