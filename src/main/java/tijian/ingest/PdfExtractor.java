package tijian.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import tijian.refusal.Refusal;

/**
 * PDF text layer (PDFBox 3): page by page, sorted by position; repeated page headers/footers and bare page numbers
 * are dropped; hard line breaks inside paragraphs are merged.
 */
final class PdfExtractor {

    private PdfExtractor() {}

    static Document extract(byte[] b) {
        // PDFBox repairs a file cut off during download and would return part of the text: refuse it instead
        if (Sniffer.indexOf(java.util.Arrays.copyOfRange(b, Math.max(0, b.length - 4096), b.length),
                "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 4096) < 0) {
            throw IngestRefusals.corrupt("pdf", null);
        }
        List<List<Line>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(b)) {
            checkContentSize(doc);
            int n = doc.getNumberOfPages();
            LineStripper stripper = new LineStripper();
            stripper.setSortByPosition(true);
            for (int i = 1; i <= n; i++) {
                Interrupts.check();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.lines.clear();
                stripper.writeText(doc, new java.io.StringWriter());
                stripper.flush();
                pages.add(new ArrayList<>(stripper.lines));
            }
        } catch (InvalidPasswordException e) {
            throw IngestRefusals.encrypted("pdf");
        } catch (Refusal | Interrupts.Stopped e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password")) {
                throw IngestRefusals.encrypted("pdf");
            }
            throw IngestRefusals.corrupt("pdf", e);
        }
        int meaningful = 0;
        for (List<Line> p : pages) for (Line l : p) meaningful += Texts.countMeaningful(l.text);
        // a scan has no text layer at all, or only a watermark line per page ("扫描全能王 创建")
        if (meaningful == 0 || (pages.size() >= 2 && meaningful < 16 * pages.size())) {
            throw IngestRefusals.scannedPdf();
        }
        removeHeadersAndFooters(pages);
        List<Line> lines = new ArrayList<>();
        for (List<Line> p : pages) {
            float edge = Float.NaN;
            for (Line l : p) if (!Float.isNaN(l.right) && (Float.isNaN(edge) || l.right > edge)) edge = l.right;
            for (Line l : p) l.edge = edge;
            lines.addAll(p);
        }
        String text = Texts.tidy(String.join("\n", merge(lines)));
        if (Texts.isBlank(text)) throw IngestRefusals.scannedPdf();
        return new Document(text, "pdf", null);
    }

    /** Most bytes the page contents (content streams and forms) of one PDF may inflate to. */
    static final long MAX_CONTENT_BYTES = 256L * 1024 * 1024;

    /**
     * Inflates every page's content streams and form XObjects once, counting bytes and checking for interruption
     * every 64 KB: a small file whose content stream inflates to gigabytes is refused within a second, instead of
     * keeping a worker busy long after its caller got "timeout". Images are not counted: text extraction never
     * decodes them.
     */
    static void checkContentSize(PDDocument doc) throws IOException {
        long[] total = {0};
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
            Interrupts.check();
            java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
            while (streams.hasNext()) {
                inflate(streams.next(), total, seen);
            }
            forms(page.getResources(), total, seen, 0);
        }
    }

    private static void forms(org.apache.pdfbox.pdmodel.PDResources resources, long[] total, java.util.Set<Object> seen, int depth)
            throws IOException {
        if (resources == null || depth > 8) return;
        for (org.apache.pdfbox.cos.COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && !seen.contains(form.getCOSObject())) {
                inflate(form.getContentStream(), total, seen);
                forms(form.getResources(), total, seen, depth + 1);
            }
        }
    }

    private static void inflate(org.apache.pdfbox.pdmodel.common.PDStream stream, long[] total, java.util.Set<Object> seen)
            throws IOException {
        if (stream == null || !seen.add(stream.getCOSObject())) return;
        List<org.apache.pdfbox.cos.COSName> filters = stream.getFilters();
        boolean flate = filters.size() == 1 && org.apache.pdfbox.cos.COSName.FLATE_DECODE.equals(filters.get(0));
        // PDFBox decodes a whole stream into memory before handing out its first byte: Flate streams (nearly all
        // page contents) are inflated here on the fly instead, so counting stops at the cap, not after gigabytes
        try (java.io.InputStream in = flate
                ? new java.util.zip.InflaterInputStream(stream.getCOSObject().createRawInputStream(), new java.util.zip.Inflater(), 64 * 1024)
                : filters.isEmpty() ? stream.getCOSObject().createRawInputStream() : stream.createInputStream()) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                total[0] += r;
                if (total[0] > MAX_CONTENT_BYTES) throw IngestRefusals.pdfBomb(MAX_CONTENT_BYTES);
                Interrupts.check();
            }
        } catch (java.util.zip.ZipException damaged) {
            // a damaged or headerless Flate stream: PDFBox's own, more lenient decoding deals with it when stripping
        }
    }

    /** One text line with its horizontal extent (NaN when unknown). */
    static final class Line {
        final String text;
        final float left, right, charWidth;
        float edge = Float.NaN; // right edge of the text column on this page

        Line(String text, float left, float right, float charWidth) {
            this.text = text;
            this.left = left;
            this.right = right;
            this.charWidth = charWidth;
        }

        Line(String text) {
            this(text, Float.NaN, Float.NaN, Float.NaN);
        }
    }

    /** PDFTextStripper that records lines with the x-extent of their glyphs instead of writing text. */
    static final class LineStripper extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private float left = Float.NaN, right = Float.NaN, widthSum;
        private int glyphs;

        LineStripper() {
            super();
        }

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
            cur.append(text);
            for (org.apache.pdfbox.text.TextPosition p : positions) {
                float x = p.getXDirAdj(), w = p.getWidthDirAdj();
                if (Float.isNaN(left) || x < left) left = x;
                if (Float.isNaN(right) || x + w > right) right = x + w;
                if (w > 0) {
                    widthSum += w / Math.max(1, p.getUnicode() == null ? 1 : p.getUnicode().length());
                    glyphs++;
                }
            }
        }

        private int operators;

        /** Every 4,096 operators: stop here when the extraction was cancelled (a page can hold millions). */
        @Override
        protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator operator,
                                       List<org.apache.pdfbox.cos.COSBase> operands) throws IOException {
            if ((++operators & 4095) == 0) Interrupts.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void writeWordSeparator() {
            cur.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        void flush() {
            String t = Texts.normalise(cur.toString()).replace('\u00A0', ' ').strip();
            if (!t.isEmpty()) lines.add(new Line(t, left, right, glyphs == 0 ? Float.NaN : widthSum / glyphs));
            cur.setLength(0);
            left = right = Float.NaN;
            widthSum = 0;
            glyphs = 0;
        }
    }

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-－—–_ ]*\\d{1,4}[-－—–_ ]*|第\\s*\\d{1,4}\\s*页(?:\\s*[/，,、]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}|(?i:page)\\s*\\d{1,4}(?:\\s*(?i:of)\\s*\\d{1,4})?|[-－—–]\\s*[一二三四五六七八九十百]+\\s*[-－—–])$");

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line.strip()).matches();
    }

    /** How many lines at the top and bottom of a page may be header/footer. */
    private static final int EDGE = 2;

    /**
     * Drops bare page numbers at the top/bottom of each page and lines repeated at the top or bottom of many
     * pages (digits folded, so "XX区人民政府 第3页" repeats too).
     */
    static void removeHeadersAndFooters(List<List<Line>> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<Line> p : pages) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < p.size(); i++) {
                if (i < EDGE || i >= p.size() - EDGE) {
                    String k = fold(p.get(i).text);
                    if (seen.add(k)) counts.merge(k, 1, Integer::sum);
                }
            }
        }
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        for (List<Line> p : pages) {
            List<Line> kept = new ArrayList<>(p.size());
            for (int i = 0; i < p.size(); i++) {
                Line l = p.get(i);
                boolean edge = i < EDGE || i >= p.size() - EDGE;
                if (edge && (isPageNumber(l.text) || (pages.size() >= 2 && counts.getOrDefault(fold(l.text), 0) >= threshold))) {
                    continue;
                }
                kept.add(l);
            }
            p.clear();
            p.addAll(kept);
        }
    }

    private static String fold(String l) {
        return l.replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }

    private static final Pattern HEADING_START = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\\d{1,2}[.．、](?!\\d)|[（(]\\d{1,2}[）)]|第[一二三四五六七八九十百]+[章节条部分]|[①-⑳]|附件|[一二三四五六七八九十]是)");
    private static final String SENTENCE_END = "。！？；：!?;:…";
    private static final String CLOSERS = "”’」』）)】》\"'";

    /**
     * Merges lines that a paragraph was wrapped into: a line that is (nearly) as wide as a full line and does not
     * end with sentence punctuation continues on the next line, unless the next line starts a heading.
     */
    static List<String> mergeLines(List<String> lines) {
        List<Line> l = new ArrayList<>();
        for (String s : lines) l.add(new Line(s));
        return merge(l);
    }

    static List<String> merge(List<Line> lines) {
        List<String> texts = new ArrayList<>();
        for (Line l : lines) texts.add(l.text);
        int full = fullWidth(texts);
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        Line prev = null;
        for (Line line : lines) {
            if (cur != null && continues(prev, line, full)) {
                char a = cur.charAt(cur.length() - 1);
                char z = line.text.charAt(0);
                if (isLatin(a) && isLatin(z)) {
                    if (a == '-' && cur.length() > 1 && Character.isLetter(cur.charAt(cur.length() - 2)) && Character.isLowerCase(z)) {
                        cur.setLength(cur.length() - 1); // hyphenated word
                    } else {
                        cur.append(' ');
                    }
                }
                cur.append(line.text);
            } else {
                if (cur != null) out.add(cur.toString());
                cur = new StringBuilder(line.text);
            }
            prev = line;
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    private static boolean continues(Line prevLine, Line nextLine, int full) {
        String prev = prevLine.text, next = nextLine.text;
        if (prev.isEmpty() || next.isEmpty()) return false;
        if (HEADING_START.matcher(next).find()) return false;
        String p = prev;
        if (p.length() > 1 && CLOSERS.indexOf(p.charAt(p.length() - 1)) >= 0
                && SENTENCE_END.indexOf(p.charAt(p.length() - 2)) >= 0) {
            return false; // 。” ends a sentence
        }
        char last = p.charAt(p.length() - 1);
        if (SENTENCE_END.indexOf(last) >= 0) return false;
        if (last == '.' && !(p.length() > 1 && Character.isDigit(p.charAt(p.length() - 2)))) return false;
        if (!Float.isNaN(prevLine.right) && !Float.isNaN(prevLine.edge) && !Float.isNaN(prevLine.charWidth)) {
            // the line was wrapped if the next line's first word (Latin) or character (CJK) would not have fitted
            float gap = prevLine.edge - prevLine.right;
            float cw = Float.isNaN(nextLine.charWidth) ? prevLine.charWidth : nextLine.charWidth;
            int firstToken = 0;
            while (firstToken < next.length() && next.charAt(firstToken) != ' ' && isLatin(next.charAt(firstToken))) firstToken++;
            firstToken = Math.max(1, firstToken) + (firstToken > 0 && isLatin(prev.charAt(prev.length() - 1)) ? 1 : 0);
            return gap < cw * firstToken + prevLine.charWidth * 0.5f;
        }
        // no positions: a short line ends its paragraph (titles, signatures, dates, the last line of a paragraph)
        return width(prev) >= full * 0.85;
    }

    /** Typical width of a full line: a high percentile of line widths (CJK counts double). */
    private static int fullWidth(List<String> lines) {
        List<Integer> w = new ArrayList<>();
        for (String l : lines) if (l.length() >= 8) w.add(width(l));
        if (w.isEmpty()) return Integer.MAX_VALUE;
        w.sort(null);
        return w.get((int) Math.floor((w.size() - 1) * 0.9));
    }

    static int width(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) n += s.charAt(i) > 0x2E7F ? 2 : 1;
        return n;
    }

    private static boolean isLatin(char c) {
        return c < 0x2000;
    }
}
