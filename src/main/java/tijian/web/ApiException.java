package tijian.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused request outside document ingest (bad query parameters, empty audit upload, bad zip…): answered as an
 * {@link ApiError} with its status and code.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public ApiException(int status, String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn, null, false, false);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String messageZh() { return messageZh; }
    public String messageEn() { return messageEn; }

    /** The mapper. */
    public static final class Mapper {
        @ServerExceptionMapper
        public Response map(ApiException e) {
            return ApiError.response(e.status(), e.code(), e.messageZh(), e.messageEn());
        }
    }
}
