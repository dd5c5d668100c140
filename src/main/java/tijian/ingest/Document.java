package tijian.ingest;

/** PLACEHOLDER until the ingest branch lands. */
public record Document(String text, String format, String charset) {}
