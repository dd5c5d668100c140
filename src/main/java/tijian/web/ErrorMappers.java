package tijian.web;

import java.io.IOException;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import tijian.refusal.Refusal;
import tijian.rules.CheckStopped;

/** Turns every failure into an {@link ApiError}; bad input is the client's 4xx, never a 500. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** Every refusal, from whichever package: the one place a {@link Refusal.Kind} becomes an HTTP status. */
    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return ApiError.response(status(e.kind()), e.code(), e.messageZh(), e.messageEn(), e.details());
    }

    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            // A timeout is the document's (too complex to finish in time), and clients have always been told 422.
            case UNREADABLE, TIMEOUT -> 422;
            case INTERNAL -> 500;
            case BUSY, UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response checkStopped(CheckStopped e) {
        LOG.warn("a check was stopped: " + e.getMessage());
        return ApiError.response(503, "check-stopped", "体检被停止：" + e.messageZh() + "请联系规则维护人员检查规则文件。",
                "The check was stopped: " + e.getMessage() + ". Ask the rule authors to look at the rule files.");
    }

    /**
     * Not signed in. API clients get the Basic challenge; the pages' own requests (marked X-Requested-With) do not,
     * or the browser would pop up its own password dialog instead of the page's login link.
     */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        Response.ResponseBuilder answer = Response.fromResponse(ApiError.response(401, "unauthenticated",
                "请先登录（页面：/login；API：HTTP Basic 用户名和密码）。",
                "Sign in first (pages: /login; API: HTTP Basic with your user name and password)."));
        if (request.getHeader("X-Requested-With") == null) {
            answer.header("WWW-Authenticate", ApiError.BASIC_CHALLENGE);
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.response(403, "forbidden", "您的角色无权进行此操作。", "Your role may not do this.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiError.response(404, "not-found", "未找到。", "Not found.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return ApiError.response(413, "too-large", "文件超过大小上限。", "The upload is larger than the limit.");
        }
        if (status == 415) {
            return ApiError.response(415, "unsupported-type", "不支持的内容类型；请上传 .txt .html .htm .mhtml .docx .doc .pdf 文件。",
                    "Unsupported content type; upload .txt .html .htm .mhtml .docx .doc .pdf.");
        }
        if (status < 500) {
            return ApiError.response(status, "bad-request", "请求有误：" + e.getMessage(), "Bad request: " + e.getMessage());
        }
        LOG.error("request failed", e);
        return ApiError.response(status, "server-error", "服务内部错误。", "Internal error.");
    }

    /** A multipart body that does not parse (no closing boundary, a part cut off, garbage): the client's 400. */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return badMultipart();
    }

    /**
     * I/O failures while reading the request. The multipart parser reports a body that ends before its closing
     * boundary as an IOException, which the REST layer would answer with a bare 500 and no log line.
     */
    @ServerExceptionMapper
    public Response io(IOException e) {
        if (e instanceof MultiPartParserDefinition.FileTooLargeException) {
            return ApiError.response(413, "too-large", "文件超过大小上限。", "The upload is larger than the limit.");
        }
        if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("multipart")) {
            return badMultipart();
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return ApiError.response(400, "bad-json", "请求中的 JSON 格式有误。", "The JSON in the request is malformed.");
        }
        LOG.error("request failed", e);
        return ApiError.response(500, "server-error", "服务内部错误。", "Internal error.");
    }

    /** Whatever no other mapper knows: still JSON, and logged; the database being unavailable is a 503. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (tijian.db.DatabaseFaults.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        if (String.valueOf(e.getMessage()).startsWith("Param limit of")) {
            return ApiError.response(413, "too-many-parts", "表单字段（文件）数量超过上限。",
                    "The form has more parts (files) than allowed: " + e.getMessage());
        }
        LOG.error("request failed", e);
        return ApiError.response(500, "server-error", "服务内部错误。", "Internal error.");
    }

    /** Seconds a client is told to wait while the database is unavailable (the embedded one restarts within that). */
    static final int DATABASE_RETRY_AFTER = 10;

    static Response databaseUnavailable(Throwable e) {
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.fromResponse(ApiError.response(503, "database-unavailable",
                "数据库暂时不可用，请稍后再试。", "The database is unavailable for the moment; please try again shortly."))
                .header("Retry-After", DATABASE_RETRY_AFTER).build();
    }

    private static Response badMultipart() {
        return ApiError.response(400, "bad-multipart", "表单（multipart/form-data）格式有误或不完整，请重新上传。",
                "The multipart/form-data body is malformed or incomplete; please upload again.");
    }
}
