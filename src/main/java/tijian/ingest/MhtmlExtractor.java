package tijian.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MHTML (.mht/.mhtml, "web archive, single file"): the first text/html part, decoded, then read as HTML. */
final class MhtmlExtractor {

    private MhtmlExtractor() {}

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");

    static Document extract(byte[] b) {
        // work on a 1:1 byte view so that decoded bodies keep their bytes
        String all = new String(b, StandardCharsets.ISO_8859_1);
        Part root = Part.parse(all);
        String ctype = root.header("content-type");
        Part html = null;
        if (ctype.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Matcher m = BOUNDARY.matcher(ctype);
            if (!m.find()) throw IngestRefusals.corrupt("mhtml", null);
            String boundary = "--" + (m.group(1) != null ? m.group(1) : m.group(2));
            int pos = root.body.indexOf(boundary);
            while (pos >= 0) {
                Interrupts.check();
                int start = root.body.indexOf('\n', pos);
                if (start < 0) break;
                int next = root.body.indexOf(boundary, start);
                String raw = root.body.substring(start + 1, next < 0 ? root.body.length() : next);
                Part p = Part.parse(raw);
                if (p.header("content-type").toLowerCase(Locale.ROOT).startsWith("text/html")) {
                    html = p;
                    break;
                }
                pos = next;
            }
        } else if (ctype.isEmpty() || ctype.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            html = root;
        }
        if (html == null) throw IngestRefusals.noText("mhtml");
        byte[] body = html.decodedBody();
        Charset cs = Texts.charsetParam(html.header("content-type"));
        Document d = HtmlExtractor.extract(body, cs);
        return new Document(d.text(), "mhtml", d.charset());
    }

    /** A MIME entity: headers (lower-case names, folded lines joined) and the raw body. */
    static final class Part {
        final Map<String, String> headers = new LinkedHashMap<>();
        String body = "";

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        static Part parse(String raw) {
            Part p = new Part();
            String s = raw.replace("\r\n", "\n");
            int i = 0;
            // skip blank lines before headers
            while (i < s.length() && s.charAt(i) == '\n') i++;
            String last = null;
            while (i < s.length()) {
                int eol = s.indexOf('\n', i);
                if (eol < 0) eol = s.length();
                String line = s.substring(i, eol);
                i = eol + 1;
                if (line.isEmpty()) break;
                if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                    p.headers.put(last, p.headers.get(last) + " " + line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                p.headers.put(last, line.substring(colon + 1).strip());
            }
            p.body = i < s.length() ? s.substring(i) : "";
            return p;
        }

        byte[] decodedBody() {
            String enc = header("content-transfer-encoding").toLowerCase(Locale.ROOT).strip();
            if (enc.equals("base64")) {
                try {
                    return Base64.getMimeDecoder().decode(body.replaceAll("[^A-Za-z0-9+/=]", ""));
                } catch (IllegalArgumentException e) {
                    throw IngestRefusals.corrupt("mhtml", e);
                }
            }
            if (enc.equals("quoted-printable")) return quotedPrintable(body);
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    static byte[] quotedPrintable(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') { // soft line break
                    i++;
                    continue;
                }
                if (i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                    out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                    i += 2;
                    continue;
                }
            }
            out.write(c & 0xFF);
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
