package tijian.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import tijian.refusal.Refusal;

/**
 * Unpacks a zip archive of uploads (batch upload) in memory, refusing zip bombs, path traversal and deep nesting.
 *
 * <p>Entry names: UTF-8 when the entry says so (EFS flag) or when the raw name is valid UTF-8, otherwise GBK
 * (decoded as GB18030) — zips made by Chinese Windows store names in the local code page. Folders are flattened
 * into the entry path ("2025/沙坪坝街道.docx"); directory entries, macOS resource forks ({@code __MACOSX/},
 * {@code ._x}) and {@code .DS_Store}/{@code Thumbs.db} are skipped. A nested zip (that is not a Word document) is
 * unpacked in place, its entries named "outer.zip/inner-path", up to {@link Limits#maxDepth()} levels.
 *
 * <p>Sizes are counted on the bytes really inflated (declared sizes can lie), across all nesting levels.
 */
public final class SafeZip {

    private SafeZip() {}

    /** One file from the archive. */
    public record Entry(String path, byte[] bytes) {}

    /**
     * @param maxEntries    most file entries in total (all levels)
     * @param maxTotalBytes most uncompressed bytes in total (all levels)
     * @param maxEntryBytes most uncompressed bytes of one entry
     * @param maxRatio      most uncompressed/compressed ratio of an entry (checked above 1 MB)
     * @param maxDepth      most nesting: 0 = nested archives are refused, 1 = one level of zips inside, ...
     */
    public record Limits(int maxEntries, long maxTotalBytes, long maxEntryBytes, double maxRatio, int maxDepth) {
        public static Limits defaults() {
            return new Limits(1000, 200L * 1024 * 1024, 50L * 1024 * 1024, 100, 1);
        }
    }

    /** Ratio checks apply only to entries above this size: small text files can compress extremely well. */
    static final long RATIO_MIN_SIZE = 1024 * 1024;

    public static List<Entry> entries(byte[] zip, Limits limits) {
        List<Entry> out = new ArrayList<>();
        forEach(zip, limits, out::add);
        return out;
    }

    /**
     * Unpacks entry by entry, handing each to {@code sink} as soon as it is inflated, so that only one entry is in
     * memory at a time (the sink stores it). Limits are checked while inflating, before the sink sees an entry that
     * would break them.
     *
     * @return the uncompressed bytes of all entries handed over
     */
    public static long forEach(byte[] zip, Limits limits, java.util.function.Consumer<Entry> sink) {
        if (zip == null || zip.length == 0) throw IngestRefusals.empty();
        if (!Sniffer.isZip(zip)) throw IngestRefusals.unsupported("不是 zip 压缩包", "not a zip archive");
        long[] total = {0};
        int[] count = {0};
        unpack(zip, "", 0, limits, e -> {
            count[0]++;
            sink.accept(e);
        }, count, total);
        return total[0];
    }

    private static void unpack(byte[] zip, String prefix, int depth, Limits limits, java.util.function.Consumer<Entry> out,
                               int[] count, long[] total) {
        try (ZipFile zf = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .setCharset(StandardCharsets.ISO_8859_1) // names are decoded from the raw bytes below
                .setUseUnicodeExtraFields(false)
                .get()) {
            Enumeration<ZipArchiveEntry> en = zf.getEntriesInPhysicalOrder();
            int seen = 0;
            while (en.hasMoreElements()) {
                Interrupts.check();
                ZipArchiveEntry e = en.nextElement();
                if (++seen > limits.maxEntries() * 2 + 16) throw IngestRefusals.tooManyEntries(limits.maxEntries());
                String name = name(e);
                String path = safePath(name);
                if (e.isDirectory() || path.isEmpty() || path.endsWith("/")) continue;
                if (skipped(path)) continue;
                if (count[0] >= limits.maxEntries()) throw IngestRefusals.tooManyEntries(limits.maxEntries());

                long declared = e.getSize();
                long compressed = e.getCompressedSize();
                if (declared > limits.maxEntryBytes() || (declared > 0 && total[0] + declared > limits.maxTotalBytes())) {
                    throw bomb(limits);
                }
                if (declared > RATIO_MIN_SIZE && compressed >= 0 && (compressed == 0 || (double) declared / compressed > limits.maxRatio())) {
                    throw ratio(name, limits);
                }
                if (!zf.canReadEntryData(e)) {
                    if (e.getGeneralPurposeBit().usesEncryption()) throw IngestRefusals.encryptedArchive(path);
                    throw IngestRefusals.corruptArchive(new UnsupportedZipFeatureException(
                            UnsupportedZipFeatureException.Feature.METHOD, e));
                }
                byte[] bytes;
                try (InputStream in = zf.getInputStream(e)) {
                    bytes = readBounded(in, Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total[0]), limits);
                }
                if (bytes.length > RATIO_MIN_SIZE && compressed > 0 && (double) bytes.length / compressed > limits.maxRatio()) {
                    throw ratio(name, limits);
                }
                total[0] += bytes.length;
                String full = prefix + path;
                if (isNestedArchive(bytes)) {
                    if (depth + 1 > limits.maxDepth()) throw IngestRefusals.nestedTooDeep(limits.maxDepth());
                    unpack(bytes, full + "/", depth + 1, limits, out, count, total);
                } else {
                    out.accept(new Entry(full, bytes));
                }
            }
        } catch (Refusal | Interrupts.Stopped e) {
            throw e;
        } catch (UnsupportedZipFeatureException e) {
            if (e.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION) {
                throw IngestRefusals.encryptedArchive(e.getEntry() == null ? "?" : e.getEntry().getName());
            }
            throw IngestRefusals.corruptArchive(e);
        } catch (IOException | RuntimeException e) {
            throw IngestRefusals.corruptArchive(e);
        }
    }

    private static Refusal bomb(Limits limits) {
        return IngestRefusals.zipBomb("解压后超过 " + IngestRefusals.human(limits.maxTotalBytes()) + " 或单个文件超过 "
                + IngestRefusals.human(limits.maxEntryBytes()),
                "expands beyond " + IngestRefusals.human(limits.maxTotalBytes()) + " in total or "
                        + IngestRefusals.human(limits.maxEntryBytes()) + " per file");
    }

    private static Refusal ratio(String name, Limits limits) {
        return IngestRefusals.zipBomb("文件 " + name + " 的压缩比超过 " + (long) limits.maxRatio() + ":1",
                "entry " + name + " has a compression ratio over " + (long) limits.maxRatio() + ":1");
    }

    /** Reads at most {@code max} bytes; more is a bomb (the real inflated size counts, not the declared one). */
    private static byte[] readBounded(InputStream in, long max, Limits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > max) throw bomb(limits);
            out.write(buf, 0, r);
            if ((n & ((1 << 22) - 1)) < r) Interrupts.check();
        }
        return out.toByteArray();
    }

    /** A zip inside the zip that is not itself a document (docx/xlsx are zips too). */
    static boolean isNestedArchive(byte[] b) {
        if (!Sniffer.isZip(b)) return false;
        String head = new String(b, 0, Math.min(b.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        return !(head.contains("[Content_Types].xml") || head.contains("word/") || head.contains("mimetypeapplication/vnd.oasis"));
    }

    /** The entry name from its raw bytes: UTF-8 if flagged or valid, else GBK/GB18030. */
    static String name(ZipArchiveEntry e) {
        byte[] raw = e.getRawName();
        if (raw == null) return e.getName();
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) return new String(raw, StandardCharsets.UTF_8);
        String utf8 = Texts.decodeStrict(raw, 0, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;
        return new String(raw, Texts.GB18030);
    }

    /**
     * Normalises separators and refuses names that could escape a target folder: absolute paths, drive letters,
     * ".." segments, control characters.
     */
    static String safePath(String name) {
        String n = name.replace('\\', '/');
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) throw IngestRefusals.unsafePath(printable(name));
        }
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.startsWith("~")) throw IngestRefusals.unsafePath(printable(name));
        StringBuilder sb = new StringBuilder();
        for (String seg : n.split("/", -1)) {
            if (seg.equals("..")) throw IngestRefusals.unsafePath(printable(name));
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (sb.length() > 0) sb.append('/');
            sb.append(seg);
        }
        if (n.endsWith("/") && sb.length() > 0) sb.append('/');
        return sb.toString();
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean skipped(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("__macosx/") || lower.contains("/__macosx/") || base.startsWith("._")
                || base.equals(".ds_store") || base.equals("thumbs.db") || base.equals("desktop.ini");
    }
}
