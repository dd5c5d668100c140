package tijian.refusal;

import java.util.List;

/**
 * A request the service will not carry out, said the same way wherever it is refused (ingest, rules, audits, users):
 * a stable {@link #code()} that clients and tests key on, a message in Chinese for the person and in English for the
 * log and API clients, and a {@link Kind} saying what sort of no it is. Which HTTP status a kind becomes is the web
 * layer's business alone, so the packages that refuse know nothing of HTTP.
 */
public class Refusal extends RuntimeException {

    /** What sort of refusal; the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The request itself is wrong: a bad parameter, a missing body, an empty file. */
        BAD_INPUT,
        /** Allowed to ask, but this is switched off or not theirs to do. */
        FORBIDDEN,
        NOT_FOUND,
        /** The request contradicts what exists: a user of that name, the last admin, not a re-run. */
        CONFLICT,
        TOO_LARGE,
        /** A kind of file the service does not read. */
        UNSUPPORTED,
        /** A well-formed request whose content cannot be used: a damaged or encrypted document, a rejected rule set. */
        UNREADABLE,
        /** The work ran past its deadline. */
        TIMEOUT,
        /** Too much else is going on; the same request may succeed shortly. */
        BUSY,
        /** Something the service needs is missing for now (no live rule set). */
        UNAVAILABLE,
        /** The service failed, not the request; kept as a refusal so the user still gets a message. */
        INTERNAL
    }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final List<?> details;

    public Refusal(Kind kind, String code, String messageZh, String messageEn) {
        this(kind, code, messageZh, messageEn, List.of(), null);
    }

    /**
     * @param details what the client may need besides the message (a rule set's problems), shown as they are
     * @param cause   kept for the log only; a library's exception never reaches the client
     */
    public Refusal(Kind kind, String code, String messageZh, String messageEn, List<?> details, Throwable cause) {
        // No stack trace unless there is a cause to explain: refusals are expected, and frequent under attack.
        super(code + ": " + messageEn, cause, false, cause != null);
        this.kind = kind;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public String messageZh() { return messageZh; }
    public String messageEn() { return messageEn; }
    public List<?> details() { return details; }
}
