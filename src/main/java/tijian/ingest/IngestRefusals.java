package tijian.ingest;

import java.time.Duration;
import java.util.List;
import tijian.refusal.Refusal.Kind;
import tijian.refusal.Refusal;

/**
 * Every way ingest refuses an upload, as {@link Refusal}s with a stable code and a message for the user in Chinese
 * and English. Library exceptions are only ever kept as the cause (for logs), never thrown as such.
 */
public final class IngestRefusals {

    static final String ACCEPTED_TYPES = ".txt .html .htm .mhtml .docx .doc .pdf";

    private IngestRefusals() {}

    private static Refusal refusal(Kind kind, String code, String messageZh, String messageEn, Throwable cause) {
        return new Refusal(kind, code, messageZh, messageEn, List.of(), cause);
    }

    private static Refusal refusal(Kind kind, String code, String messageZh, String messageEn) {
        return refusal(kind, code, messageZh, messageEn, null);
    }

    // ---- factories (package-private: only ingest decides what is refused) ----

    static Refusal empty() {
        return refusal(Kind.BAD_INPUT, "empty",
                "上传的文件是空的（没有任何文字）。请检查是否选错了文件。",
                "The uploaded file is empty (it contains no text). Please check that you chose the right file.");
    }

    static Refusal tooLarge(long size, long max) {
        return refusal(Kind.TOO_LARGE, "too-large",
                "文件过大（" + human(size) + "），单个文件最大允许 " + human(max) + "。",
                "The file is too large (" + human(size) + "); the maximum is " + human(max) + ".");
    }

    static Refusal tooMuchMemory(Throwable cause) {
        return refusal(Kind.TOO_LARGE, "too-large",
                "文件内容过于庞大，无法在允许的内存内处理。请拆分文件或另存为较小的文档后重试。",
                "The document expands to more data than can be processed. Please split it or save a smaller copy.", cause);
    }

    static Refusal unsupported(String whatZh, String whatEn) {
        return refusal(Kind.UNSUPPORTED, "unsupported-type",
                "不支持的文件类型" + (whatZh == null ? "" : "（" + whatZh + "）") + "。请上传以下格式之一：" + ACCEPTED_TYPES + "。",
                "Unsupported file type" + (whatEn == null ? "" : " (" + whatEn + ")") + ". Accepted types: " + ACCEPTED_TYPES + ".");
    }

    static Refusal corrupt(String format, Throwable cause) {
        String f = format == null ? "" : format.toUpperCase(java.util.Locale.ROOT) + " ";
        return refusal(Kind.UNREADABLE, "corrupt-document",
                "文件已损坏或不完整，无法读取（" + f.trim() + (f.isEmpty() ? "文档" : "") + "）。请重新保存或重新下载原文件后再上传。",
                "The " + f + "file is damaged or incomplete and cannot be read. Please re-save or re-download the original and upload it again.",
                cause);
    }

    static Refusal encrypted(String format) {
        return refusal(Kind.UNREADABLE, "encrypted-document",
                "文件设置了密码或已加密（" + format.toUpperCase(java.util.Locale.ROOT) + "），无法读取。请取消密码保护后再上传。",
                "The " + format.toUpperCase(java.util.Locale.ROOT) + " file is password-protected or encrypted and cannot be read. Please remove the password and upload it again.");
    }

    static Refusal scannedPdf() {
        return refusal(Kind.UNREADABLE, "scanned-pdf",
                "该 PDF 是扫描图片，没有文字层，无法读取文字。请上传原始文档（Word 或网页），或先进行文字识别（OCR）后再上传。",
                "This PDF is a scanned image without a text layer, so no text can be read. Please upload the original document (Word or web page), or run OCR on the PDF first.");
    }

    static Refusal noText(String format) {
        return refusal(Kind.UNREADABLE, "no-text",
                "文件中没有找到可读取的文字（" + format.toUpperCase(java.util.Locale.ROOT) + "）。",
                "No readable text was found in the " + format.toUpperCase(java.util.Locale.ROOT) + " file.");
    }

    static Refusal zipBomb(String detailZh, String detailEn) {
        return refusal(Kind.TOO_LARGE, "zip-bomb",
                "压缩内容解压后过大或压缩比异常（" + detailZh + "），已拒绝处理。",
                "The compressed content expands too much or has an abnormal compression ratio (" + detailEn + "); it was refused.");
    }

    static Refusal tooManyEntries(int max) {
        return refusal(Kind.TOO_LARGE, "too-many-entries",
                "压缩包内文件数量过多（最多 " + max + " 个）。",
                "The archive contains too many files (at most " + max + ").");
    }

    static Refusal nestedTooDeep(int max) {
        return refusal(Kind.UNREADABLE, "nested-archive",
                "压缩包嵌套层数过多（最多 " + max + " 层），请解开后重新打包。",
                "Archives are nested too deeply (at most " + max + " levels); please unpack them and upload again.");
    }

    static Refusal unsafePath(String name) {
        return refusal(Kind.UNREADABLE, "unsafe-path",
                "压缩包内含有不安全的文件路径：" + name,
                "The archive contains an unsafe file path: " + name);
    }

    static Refusal corruptArchive(Throwable cause) {
        return refusal(Kind.UNREADABLE, "corrupt-archive",
                "压缩包已损坏或格式不正确，无法解压。",
                "The zip archive is damaged or malformed and cannot be unpacked.", cause);
    }

    static Refusal encryptedArchive(String name) {
        return refusal(Kind.UNREADABLE, "encrypted-archive",
                "压缩包内的文件设置了密码，无法解压：" + name,
                "A file in the archive is password-protected and cannot be unpacked: " + name);
    }

    /** The check ran past its deadline (extraction, parsing or rules): public, since parsing is not ingest's. */
    public static Refusal timeout(Duration limit) {
        return refusal(Kind.TIMEOUT, "timeout",
                "文件处理超时（超过 " + seconds(limit) + " 秒），文件可能过于复杂或已损坏。请另存为较简单的格式后重试。",
                "Processing the file took too long (over " + seconds(limit) + " s); it may be too complex or damaged. Please save it in a simpler format and try again.");
    }

    public static Refusal textTooLong(long chars, long max) {
        return refusal(Kind.TOO_LARGE, "text-too-long",
                "文件中的文字过长（" + chars + " 字），单个报告最多 " + max + " 字。请确认上传的是一份年度报告。",
                "The text is too long (" + chars + " characters); a report may have at most " + max + ".");
    }

    static Refusal pdfBomb(long max) {
        return refusal(Kind.TOO_LARGE, "zip-bomb",
                "PDF 的页面内容解压后超过 " + human(max) + "，已拒绝处理。",
                "The PDF's page content expands beyond " + human(max) + "; it was refused.");
    }

    static Refusal internal(Throwable cause) {
        return refusal(Kind.INTERNAL, "internal-error",
                "处理文件时发生内部错误，请稍后再试或联系管理员。",
                "An internal error occurred while processing the file; please try again later or contact the administrator.", cause);
    }

    static Refusal busy() {
        return refusal(Kind.BUSY, "busy",
                "服务器正忙于处理其他文件，请稍后再试。",
                "The server is busy processing other files; please try again shortly.");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
