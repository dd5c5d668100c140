package tijian.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import tijian.web.ApiException;

/**
 * Unpacks an uploaded zip of reports, strictly: bounded entry count, entry size, total size and compression
 * ratio (zip bombs), no nested archives, no absolute paths or "..", names in UTF-8 or GBK. Stand-in for
 * {@code tijian.ingest.SafeZip} until the ingest branch provides it; same contract (entries with path and bytes,
 * IngestException with a 4xx status on refusal).
 */
final class ZipUpload {
    private static final Charset GBK = Charset.forName("GBK");

    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {}

    record Entry(String path, byte[] bytes) {}

    private ZipUpload() {}

    static boolean looksLikeZip(String fileName, byte[] bytes) {
        boolean named = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
        boolean magic = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return named && magic || named && bytes.length == 0;
    }

    static List<Entry> entries(byte[] zip, Limits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int seen = 0;
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true, true)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++seen > limits.maxEntries()) {
                    throw refused(413, "zip-too-many-entries", "压缩包内文件过多（上限 " + limits.maxEntries() + " 个）。",
                            "The zip holds more than " + limits.maxEntries() + " entries.");
                }
                String path = name(e);
                if (e.isDirectory() || path.endsWith("/")) {
                    continue;
                }
                checkPath(path);
                if (ignored(path)) {
                    continue;
                }
                String lower = path.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip") || lower.endsWith(".rar") || lower.endsWith(".7z") || lower.endsWith(".tar")
                        || lower.endsWith(".gz") || lower.endsWith(".jar")) {
                    throw refused(400, "zip-nested", "压缩包内不能再套压缩包：" + path + "。",
                            "Nested archives are not accepted: " + path + ".");
                }
                byte[] bytes = read(in, limits, total, path);
                total += bytes.length;
                long compressed = in.getCompressedCount();
                if (bytes.length > 1_000_000 && compressed > 0 && bytes.length / compressed > limits.maxRatio()) {
                    throw bomb();
                }
                entries.add(new Entry(path, bytes));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused(400, "zip-corrupt", "压缩包已损坏或格式不受支持：" + e.getMessage(),
                    "The zip is corrupt or of an unsupported kind: " + e.getMessage());
        }
        return entries;
    }

    private static byte[] read(InputStream in, Limits limits, long totalSoFar, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        long size = 0;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > limits.maxEntryBytes()) {
                throw refused(413, "zip-entry-too-large", "压缩包内文件过大：" + path + "。",
                        "An entry of the zip is too large: " + path + ".");
            }
            if (totalSoFar + size > limits.maxTotalBytes()) {
                throw bomb();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException bomb() {
        return refused(413, "zip-bomb", "压缩包解压后过大，疑似压缩炸弹，已拒收。",
                "The zip expands to too much data (a zip bomb?) and was refused.");
    }

    private static ApiException refused(int status, String code, String zh, String en) {
        return new ApiException(status, code, zh, en);
    }

    /** The entry's name: UTF-8 when flagged or valid, else GBK (Windows zips made in China). */
    private static String name(ZipArchiveEntry e) {
        byte[] raw = e.getRawName();
        if (raw == null) {
            return e.getName();
        }
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, GBK);
        }
    }

    private static void checkPath(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || ("/" + p + "/").contains("/../") || p.indexOf('\0') >= 0) {
            throw refused(400, "zip-unsafe-path", "压缩包内路径不安全：" + path + "。", "Unsafe path in the zip: " + path + ".");
        }
    }

    /** Hidden files and the folders macOS adds. */
    private static boolean ignored(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("__MACOSX/") || p.contains("/__MACOSX/") || name.startsWith(".") || name.equalsIgnoreCase("Thumbs.db")
                || name.equalsIgnoreCase("desktop.ini") || name.startsWith("~$");
    }
}
