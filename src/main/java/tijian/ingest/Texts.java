package tijian.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mozilla.universalchardet.UniversalDetector;

/** Charset detection, decoding and normalisation of text. */
final class Texts {

    private Texts() {}

    static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Bytes decoded to a string together with the charset that was used, and how many malformed byte sequences
     * were replaced by U+FFFD (only counted for nearly valid UTF-8).
     */
    record Decoded(String text, Charset charset, int replaced) {
        Decoded(String text, Charset charset) {
            this(text, charset, 0);
        }
    }

    /** Byte-order mark at the start of the content, or null. */
    static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        return null;
    }

    static int bomLength(Charset cs) {
        return cs == StandardCharsets.UTF_8 ? 3 : 2;
    }

    private static final Pattern CT_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)");

    /** The charset parameter of a MIME content type, if present and known to Java. */
    static Charset charsetParam(String contentType) {
        if (contentType == null) return null;
        Matcher m = CT_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** A charset by name; GBK and GB2312 are widened to GB18030 (a superset). Null when unknown. */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("GBK") || n.equals("GB2312") || n.equals("GB_2312-80") || n.equals("CP936") || n.equals("X-GBK")
                || n.equals("EUC-CN") || n.equals("GB18030") || n.equals("HZ-GB-2312")) {
            return GB18030;
        }
        if (n.equals("UTF8")) n = "UTF-8";
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Strict decoding: null when the bytes are not valid in that charset. */
    static String decodeStrict(byte[] b, int off, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String decodeLenient(byte[] b, int off, Charset cs) {
        return new String(b, off, b.length - off, cs);
    }

    /**
     * Decodes text bytes. Order: BOM, then the declared charset (content type parameter or HTML meta, in that order),
     * then strict UTF-8, then juniversalchardet, then GB18030.
     *
     * @param declared   charset from the content type, or null
     * @param metaCharset charset declared inside the document (HTML meta), or null; weaker than valid UTF-8
     */
    static Decoded decode(byte[] b, Charset declared, Charset metaCharset) {
        Charset bom = bomCharset(b);
        if (bom != null) {
            return new Decoded(decodeLenient(b, bomLength(bom), bom), bom);
        }
        if (declared != null) {
            return new Decoded(decodeLenient(b, 0, declared), declared);
        }
        Charset utf16 = bomlessUtf16(b);
        if (utf16 != null) {
            return new Decoded(decodeLenient(b, 0, utf16), utf16);
        }
        String utf8 = decodeStrict(b, 0, StandardCharsets.UTF_8);
        if (utf8 != null && (metaCharset == null || !isAscii(b))) {
            // valid UTF-8 with non-ASCII bytes is UTF-8 even if a saved page still claims gbk in its meta tag
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        if (utf8 == null && metaCharset == null) {
            Decoded nearly = nearlyUtf8(b);
            if (nearly != null) {
                return nearly;
            }
        }
        if (metaCharset != null) {
            return new Decoded(decodeLenient(b, 0, metaCharset), metaCharset);
        }
        Charset detected = chardet(b);
        if (detected != null && detected != StandardCharsets.UTF_8 && detected != GB18030 && detected.newEncoder().maxBytesPerChar() <= 1) {
            // chardet guesses a single-byte Western charset on short Chinese texts; prefer GB18030 when it fits well
            String gb = decodeStrict(b, 0, GB18030);
            if (gb != null && countCjk(gb) * 2 >= nonAscii(gb)) {
                return new Decoded(gb, GB18030);
            }
        }
        if (detected != null && detected != StandardCharsets.UTF_8) {
            return new Decoded(decodeLenient(b, 0, detected), detected);
        }
        return new Decoded(decodeLenient(b, 0, GB18030), GB18030);
    }

    static int nonAscii(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0x7F) n++;
        return n;
    }

    static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    static Charset chardet(byte[] b) {
        UniversalDetector d = new UniversalDetector();
        d.handleData(b, 0, Math.min(b.length, 1 << 20));
        d.dataEnd();
        String name = d.getDetectedCharset();
        return name == null ? null : lookup(name);
    }

    /**
     * UTF-8 with a few malformed sequences (a lone surrogate, a last character cut off, a stray byte): decoded
     * with U+FFFD for each, and the count kept. Null unless the valid multi-byte sequences outnumber the malformed
     * ones a hundred to one (then it is not a text in another charset).
     */
    static Decoded nearlyUtf8(byte[] b) {
        int valid = 0;
        int malformed = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 1) {
                i++;
                continue;
            }
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (ok && len == 3) {
                int cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
                ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF); // no overlong forms, no encoded surrogates
            }
            if (ok) {
                valid++;
                i += len;
            } else {
                malformed++;
                i++;
            }
        }
        if (malformed == 0 || valid < 20 || malformed * 100 > valid) {
            return null;
        }
        String text = decodeLenient(b, 0, StandardCharsets.UTF_8);
        int replaced = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\uFFFD') replaced++;
        }
        return new Decoded(text, StandardCharsets.UTF_8, replaced);
    }

    /**
     * UTF-16 without BOM: many NUL bytes, all at even (BE) or all at odd (LE) offsets; or, for Chinese text (whose
     * code units have no NUL byte), bytes that are not UTF-8 and read as nearly nothing but CJK ideographs,
     * punctuation and ASCII in one byte order.
     */
    static Charset bomlessUtf16(byte[] b) {
        Charset byNul = bomlessUtf16ByNul(b);
        if (byNul != null) return byNul;
        int n = Math.min(b.length, 8192) & ~1;
        if (n < 16) return null;
        byte[] sample = n == b.length ? b : java.util.Arrays.copyOf(b, trimToCharBoundary(b, n));
        if (decodeStrict(sample, 0, StandardCharsets.UTF_8) != null) return null;
        int le = 0, be = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            if (plausibleUnit((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8)) le++;
            if (plausibleUnit((b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF))) be++;
        }
        int units = n / 2;
        if (le >= units * 0.95 && be < units * 0.8) return StandardCharsets.UTF_16LE;
        if (be >= units * 0.95 && le < units * 0.8) return StandardCharsets.UTF_16BE;
        return null;
    }

    /** A UTF-16 code unit that Chinese text is made of. */
    private static boolean plausibleUnit(int u) {
        return u >= 0x4E00 && u <= 0x9FFF           // CJK ideographs
                || u >= 0x3000 && u <= 0x303F       // CJK punctuation
                || u >= 0xFF00 && u <= 0xFFEF       // full-width forms
                || u >= 0x2010 && u <= 0x206F       // general punctuation (— “ ” …)
                || u >= 0x20 && u <= 0x7E || u == '\n' || u == '\r' || u == '\t'
                || u >= 0x2460 && u <= 0x24FF       // ①
                || u == 0x00B7 || u == 0x00D7;      // · ×
    }

    private static Charset bomlessUtf16ByNul(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenNul++;
            if (b[i + 1] == 0) oddNul++;
        }
        int pairs = n / 2;
        if (oddNul > pairs * 0.3 && evenNul == 0) return StandardCharsets.UTF_16LE;
        if (evenNul > pairs * 0.3 && oddNul == 0) return StandardCharsets.UTF_16BE;
        return null;
    }

    /**
     * True when the bytes look like binary data rather than text: control bytes other than whitespace/ESC on a
     * prefix. A few stray controls (NUL, BEL...) in otherwise valid UTF-8 or GB18030 text are tolerated (they are
     * removed later). Content with a BOM or that is UTF-16 is handled before this check.
     */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) || c == 0x7F) control++;
        }
        if (control == 0) return false;
        if (control * 10 > n) return true;
        if (control * 100 <= n) return false;
        byte[] prefix = n == b.length ? b : java.util.Arrays.copyOf(b, trimToCharBoundary(b, n));
        return decodeStrict(prefix, 0, StandardCharsets.UTF_8) == null && decodeStrict(prefix, 0, GB18030) == null;
    }

    /** Cuts a prefix so that it does not end inside a multi-byte sequence (approximately: before trailing high bytes). */
    private static int trimToCharBoundary(byte[] b, int n) {
        int end = n;
        while (end > 0 && end > n - 4 && b[end - 1] < 0) end--;
        return end;
    }

    /** Share of U+FFFD replacement characters: high when text was decoded with the wrong charset or is binary. */
    static double replacementShare(String s) {
        if (s.isEmpty()) return 0;
        int r = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\uFFFD') r++;
        return (double) r / s.length();
    }

    /**
     * Normalises text without changing its content: CRLF and CR become LF, BOMs and control characters
     * (other than LF and TAB) are removed. Full-width punctuation etc. is kept exactly.
     */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < len && s.charAt(i + 1) == '\n') i++;
            } else if (c == '\n' || c == '\t') {
                sb.append(c);
            } else if (c == '\uFEFF') {
                // BOM / zero width no-break space
            } else if (Character.getType(c) == Character.CONTROL) {
                // NUL and other C0/C1 controls
            } else if (c == '\u2028' || c == '\u2029') {
                sb.append('\n');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Tidies extracted text (html, docx, pdf): normalise, non-breaking spaces to spaces, trailing/leading blanks of
     * each line removed (including ideographic-space indentation), at most one empty line in a row.
     */
    static String tidy(String s) {
        String n = normalise(s).replace('\u00A0', ' ').replace("\u200B", "");
        StringBuilder sb = new StringBuilder(n.length());
        int blank = 0;
        for (String line : n.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank++;
                continue;
            }
            if (sb.length() > 0) sb.append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            sb.append(t);
        }
        return sb.toString();
    }

    /** Blank also when only ideographic spaces, NBSP, zero-width characters. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF' || c == '\u2007' || c == '\u202F')) {
                return false;
            }
        }
        return true;
    }

    static int countCjk(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3400' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF') n++;
        }
        return n;
    }

    /** Letters, digits and ideographs: "meaningful" characters. */
    static int countMeaningful(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) n++;
        return n;
    }
}
