package tijian.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer: a stable code, a message in Chinese and in English, and details if any. */
public record ApiError(int status, String code, String message, String messageEn, List<?> details) {

    public static Response response(int status, String code, String message, String messageEn) {
        return response(status, code, message, messageEn, List.of());
    }

    public static Response response(int status, String code, String message, String messageEn, List<?> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status, code, message, messageEn, details)).build();
    }
}
