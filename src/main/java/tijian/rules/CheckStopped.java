package tijian.rules;

/**
 * A check the rules could not finish: they ran past the time limit, kept firing, or recursed without end. The rule
 * set is at fault, not the report; the worker that ran it carries on with the next check.
 */
public final class CheckStopped extends RuntimeException {
    private final String messageZh;

    CheckStopped(String message, String messageZh, Throwable cause) {
        super(message, cause);
        this.messageZh = messageZh;
    }

    public String messageZh() { return messageZh; }
}
