package tijian.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** The body of every error answer: a stable code, a message in Chinese and in English, and details if any. */
public record ApiError(int status, String code, String message, String messageEn, List<?> details) {
    /** The challenge API clients get with a 401 (the pages' own requests do not: see ErrorMappers). */
    static final String BASIC_CHALLENGE = "Basic realm=\"fazhi-tijian\", charset=\"UTF-8\"";

    /** Ends a response below the REST layer (route handlers, failure handlers) with this error as its body. */
    void send(HttpServerResponse response, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8").end(body);
    }

    public static Response response(int status, String code, String message, String messageEn) {
        return response(status, code, message, messageEn, List.of());
    }

    public static Response response(int status, String code, String message, String messageEn, List<?> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status, code, message, messageEn, details)).build();
    }
}
