package tijian.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** PLACEHOLDER until the ingest branch lands. */
public final class DocumentReader {
    private final long maxBytes;

    public DocumentReader(long maxBytes, Duration timeout) { this.maxBytes = maxBytes; }

    public Document read(byte[] content, String fileName, String contentType) {
        if (content.length == 0) {
            throw new IngestException(400, "empty", "文件为空", "empty");
        }
        if (content.length > maxBytes) {
            throw new IngestException(413, "too-large", "文件过大", "too large");
        }
        return new Document(new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n"), "txt", "UTF-8");
    }
}
