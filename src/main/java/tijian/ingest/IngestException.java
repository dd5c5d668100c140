package tijian.ingest;

/** PLACEHOLDER until the ingest branch lands. */
public final class IngestException extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public IngestException(int status, String code, String messageZh, String messageEn) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String messageZh() { return messageZh; }
    public String messageEn() { return messageEn; }
}
