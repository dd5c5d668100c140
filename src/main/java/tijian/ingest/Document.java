package tijian.ingest;

/**
 * Plain text extracted from an uploaded file.
 *
 * @param text    the text, lines separated by {@code \n}, no BOM, no control characters except {@code \n} and {@code \t}
 * @param format  one of {@code txt}, {@code html}, {@code mhtml}, {@code docx}, {@code doc}, {@code pdf}
 * @param charset the charset the bytes were decoded with, for text formats (txt, html, mhtml); {@code null} otherwise
 * @param replaced how many malformed byte sequences were replaced by U+FFFD (a text file that is UTF-8 but for a
 *                 few bad bytes is read, not refused)
 */
public record Document(String text, String format, String charset, int replaced) {
    public Document(String text, String format, String charset) {
        this(text, format, charset, 0);
    }
}
