package tijian.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises a file's type from its first bytes; names and content types are only hints. */
final class Sniffer {

    private Sniffer() {}

    static boolean isPdf(byte[] b) {
        // the header may be preceded by junk (allowed by readers), look in the first 1 KB
        return indexOf(b, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K'
                && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
    }

    static boolean isOle2(byte[] b) {
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (b.length < 8) return false;
        for (int i = 0; i < 8; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    /** Well-known binary formats that are not accepted, by magic bytes; null when none matches. */
    static String[] knownBinary(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) return new String[] {"PNG 图片", "PNG image"};
        if (starts(b, 0xFF, 0xD8, 0xFF)) return new String[] {"JPEG 图片", "JPEG image"};
        if (starts(b, 'G', 'I', 'F', '8')) return new String[] {"GIF 图片", "GIF image"};
        if (starts(b, 'B', 'M') && b.length > 14 && b[6] == 0 && b[7] == 0) return new String[] {"BMP 图片", "BMP image"};
        if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) return new String[] {"TIFF 图片", "TIFF image"};
        if (starts(b, 'R', 'I', 'F', 'F')) return new String[] {"RIFF 媒体文件", "RIFF media file"};
        if (starts(b, 'R', 'a', 'r', '!')) return new String[] {"RAR 压缩包", "RAR archive"};
        if (starts(b, '7', 'z', 0xBC, 0xAF)) return new String[] {"7z 压缩包", "7z archive"};
        if (starts(b, 0x1F, 0x8B)) return new String[] {"gzip 压缩文件", "gzip file"};
        if (starts(b, 'B', 'Z', 'h')) return new String[] {"bzip2 压缩文件", "bzip2 file"};
        if (starts(b, 0xFD, '7', 'z', 'X', 'Z')) return new String[] {"xz 压缩文件", "xz file"};
        if (starts(b, 0x7F, 'E', 'L', 'F')) return new String[] {"可执行程序", "executable"};
        if (starts(b, '{', '\\', 'r', 't', 'f')) return new String[] {"RTF 文档，请另存为 .docx", "RTF document; please save it as .docx"};
        if (starts(b, 0x00, 0x00, 0x00) && b.length > 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return new String[] {"音视频或 HEIC 图片", "video or HEIC image"};
        }
        if (starts(b, 'w', 'O', 'F', 'F') || starts(b, 0x00, 0x01, 0x00, 0x00)) return new String[] {"字体文件", "font file"};
        return null;
    }

    private static final Pattern MHTML_HEADER = Pattern.compile(
            "(?is)\\A(?:[!-9;-~]+:[^\\n]*\\n(?:[ \\t][^\\n]*\\n)*)*?(?:content-type:\\s*multipart/related|mime-version:)");

    /** MHTML / .mht: a MIME message at the very start (header block with MIME-Version or multipart/related). */
    static boolean isMhtml(String head, String ext) {
        String h = head.replace("\r\n", "\n").stripLeading();
        int blank = h.indexOf("\n\n");
        String headers = blank >= 0 ? h.substring(0, blank + 1) : h;
        String lower = headers.toLowerCase(Locale.ROOT);
        boolean headerLike = MHTML_HEADER.matcher(headers).find();
        if (!headerLike) return false;
        return lower.contains("multipart/") || lower.contains("content-type: text/html")
                || "mht".equals(ext) || "mhtml".equals(ext);
    }

    private static final Pattern HTML_START = Pattern.compile(
            "(?is)\\A\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|div|p|table|style|script|link|h[1-6]|center|font|span|br|article|section)\\b");
    private static final Pattern HTML_ANYWHERE = Pattern.compile("(?i)<(?:html|body)\\b[^>]*>|<!doctype\\s+html");
    private static final Pattern ANY_TAG = Pattern.compile("(?i)</?(?:p|div|br|span|table|td|tr|font|h[1-6])\\b[^>]*>");

    static boolean isHtml(String head, String ext, String contentType) {
        if (HTML_START.matcher(head).find() || HTML_ANYWHERE.matcher(head).find()) return true;
        boolean hinted = "html".equals(ext) || "htm".equals(ext) || "xhtml".equals(ext) || "shtml".equals(ext)
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"));
        return hinted && ANY_TAG.matcher(head).find();
    }

    /** A prefix of the content as text good enough to look for markup: ASCII-compatible or UTF-16. */
    static String head(byte[] b, Charset cs) {
        int n = Math.min(b.length, 8192);
        if (cs != null && (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32"))) {
            int off = Texts.bomCharset(b) != null ? 2 : 0;
            return new String(b, off, Math.max(0, (n - off) & ~1), cs);
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    static String extension(String fileName) {
        if (fileName == null) return "";
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean starts(byte[] b, int... m) {
        if (b.length < m.length) return false;
        for (int i = 0; i < m.length; i++) if ((b[i] & 0xFF) != (m[i] & 0xFF)) return false;
        return true;
    }

    static int indexOf(byte[] b, byte[] pat, int limit) {
        int end = Math.min(b.length - pat.length, limit);
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < pat.length; j++) if (b[i + j] != pat[j]) continue outer;
            return i;
        }
        return -1;
    }
}
