package tijian.annotate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TreeSet;

import javax.xml.namespace.QName;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * Word comments (批注) on a document at the passages a check quotes. The quotes come from the text the check read,
 * which differs from the Word runs in spacing, character width and list labels (Word numbering is not in the runs),
 * so a quote is found by its characters without spacing, NFKC-folded; where the whole quote is not found (a label
 * inside it), its first and last lines are. A run is split at the quote's ends so the comment covers exactly the
 * quote.
 */
public final class WordComments {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String AUTHOR = "法治报告体检";

    private WordComments() {}

    /**
     * One comment: its text (lines), and the passage it belongs to — {@code quote} as it stands in the checked text,
     * {@code at} its offset there (to pick the right one of several equal passages). A null quote comments on the
     * top of the document.
     */
    public record Note(String quote, int at, List<String> lines) {}

    /** What was written: the document, and the notes whose passage was not found (they were added to the top). */
    public record Result(byte[] docx, int anchored, List<Note> unplaced) {}

    /** The text as a new document, one paragraph per line, commented. */
    public static Result onText(String text, String checkedText, Note summary, List<Note> notes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : text.split("\n", -1)) {
                XWPFParagraph p = doc.createParagraph();
                if (!line.isEmpty()) {
                    XWPFRun r = p.createRun();
                    r.setText(line);
                    r.setFontFamily("宋体");
                }
            }
            return annotate(doc, checkedText, summary, notes);
        }
    }

    /** The uploaded .docx with the comments added; everything else in it is left as it was. */
    public static Result onDocx(byte[] docx, String checkedText, Note summary, List<Note> notes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return annotate(doc, checkedText, summary, notes);
        }
    }

    private static Result annotate(XWPFDocument doc, String checkedText, Note summary, List<Note> notes) throws IOException {
        Runs runs = new Runs();
        for (IBodyElement el : doc.getBodyElements()) {
            runs.add(el);
        }
        if (runs.ctrs.isEmpty()) {
            // a document without a single run: give the summary something to stand on
            runs.add(doc.createParagraph().createRun().getCTR(), "");
        }
        String folded = fold(checkedText).text();
        List<Place> places = new ArrayList<>();
        List<Note> unplaced = new ArrayList<>();
        for (Note note : notes) {
            Place place = runs.locate(note, checkedText, folded);
            if (place == null) {
                unplaced.add(note);
            } else {
                places.add(place);
            }
        }
        Pieces pieces = runs.split(places);
        XWPFComments comments = doc.getDocComments() != null ? doc.getDocComments() : doc.createComments();
        BigInteger next = nextId(comments);
        List<String> top = new ArrayList<>(summary.lines());
        if (!unplaced.isEmpty()) {
            top.add("以下意见对应的原文未能在文档中定位：");
            for (Note n : unplaced) {
                top.addAll(n.lines());
            }
        }
        next = comment(comments, next, top, pieces.first(), pieces.first());
        for (Place p : places) {
            next = comment(comments, next, p.note.lines(), pieces.at(p.startRun, p.startOff), pieces.at(p.endRun, p.endOff - 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return new Result(out.toByteArray(), places.size(), List.copyOf(unplaced));
    }

    private static BigInteger nextId(XWPFComments comments) {
        BigInteger max = BigInteger.valueOf(-1);
        for (XWPFComment c : comments.getComments()) {
            try {
                max = max.max(new BigInteger(c.getId()));
            } catch (NumberFormatException e) {
                // an id Word would not write; ours stay above the numeric ones
            }
        }
        return max.add(BigInteger.ONE);
    }

    private static BigInteger comment(XWPFComments comments, BigInteger id, List<String> lines, CTR from, CTR to) {
        XWPFComment c = comments.createComment(id);
        c.setAuthor(AUTHOR);
        c.setInitials("体检");
        c.setDate(Calendar.getInstance());
        for (String line : lines) {
            c.createParagraph().createRun().setText(line);
        }
        try (XmlCursor start = from.newCursor()) {
            start.beginElement(new QName(W, "commentRangeStart", "w"));
            start.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
        }
        try (XmlCursor end = to.newCursor()) {
            end.toEndToken();
            end.toNextToken();
            end.beginElement(new QName(W, "commentRangeEnd", "w"));
            end.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
            end.toEndToken();
            end.toNextToken();
            end.beginElement(new QName(W, "r", "w"));
            end.beginElement(new QName(W, "commentReference", "w"));
            end.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
        }
        return id.add(BigInteger.ONE);
    }

    /** A quote found: from run/offset to run/offset (exclusive), in the runs as they were read. */
    private record Place(Note note, int startRun, int startOff, int endRun, int endOff) {}

    /** Text folded for finding: no spacing, NFKC; {@code origin[i]} is the index in the input of folded char i. */
    record Folded(String text, int[] origin) {}

    static Folded fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] origin = new int[s.length() * 2 + 4];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                continue;
            }
            String n = Character.isSurrogate(c) ? String.valueOf(c) : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            for (int k = 0; k < n.length(); k++) {
                if (sb.length() >= origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                origin[sb.length()] = i;
                sb.append(n.charAt(k));
            }
        }
        return new Folded(sb.toString(), origin);
    }

    /** The document's runs in reading order (body, then table cells row by row) with their text. */
    private static final class Runs {
        final List<CTR> ctrs = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        /** All run texts folded and joined; where each folded char came from. */
        Folded all;
        int[] runOf;
        int[] offsetOf;

        void add(IBodyElement el) {
            if (el instanceof XWPFParagraph p) {
                for (XWPFRun r : p.getRuns()) {
                    add(r.getCTR(), r.text());
                }
            } else if (el instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cell.getBodyElements().forEach(this::add);
                    }
                }
            }
        }

        void add(CTR ctr, String text) {
            ctrs.add(ctr);
            texts.add(text == null ? "" : text);
            all = null;
        }

        private void index() {
            if (all != null) {
                return;
            }
            StringBuilder joined = new StringBuilder();
            List<int[]> where = new ArrayList<>();
            for (int r = 0; r < texts.size(); r++) {
                String t = texts.get(r);
                for (int i = 0; i < t.length(); i++) {
                    where.add(new int[] {r, i});
                }
                joined.append(t);
            }
            all = fold(joined.toString());
            runOf = new int[all.text().length()];
            offsetOf = new int[all.text().length()];
            for (int i = 0; i < runOf.length; i++) {
                int[] w = where.get(all.origin()[i]);
                runOf[i] = w[0];
                offsetOf[i] = w[1];
            }
        }

        /** Where the note's quote stands in the runs, or null when it cannot be found. */
        Place locate(Note note, String checkedText, String checkedFolded) {
            index();
            Folded q = fold(note.quote());
            if (q.text().isEmpty()) {
                return null;
            }
            // where the quote stands in the checked text, folded: of equal passages, the one nearest to it
            int near = (int) ((long) fold(checkedText.substring(0, Math.min(Math.max(0, note.at()), checkedText.length())))
                    .text().length() * all.text().length() / Math.max(1, checkedFolded.length()));
            int[] whole = find(q.text(), near);
            if (whole != null) {
                return place(note, whole[0], whole[1]);
            }
            // a list label (not in the runs) inside the quote: its first and last lines, each without a leading label
            String[] lines = note.quote().strip().split("\n");
            int[] first = findLine(lines[0], near);
            if (first == null) {
                return null;
            }
            int[] last = lines.length == 1 ? first : findLine(lines[lines.length - 1], first[0]);
            if (last == null || last[1] < first[0]) {
                return place(note, first[0], first[1]);
            }
            return place(note, first[0], last[1]);
        }

        private int[] findLine(String line, int near) {
            String f = fold(line).text();
            for (int skip = 0; skip <= Math.min(8, f.length() - 2); skip++) {
                int[] hit = find(f.substring(skip), near);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }

        /** The folded range [start, end) of the occurrence of {@code q} nearest to {@code near}. */
        private int[] find(String q, int near) {
            int best = -1;
            for (int i = all.text().indexOf(q); i >= 0; i = all.text().indexOf(q, i + 1)) {
                if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) {
                    best = i;
                }
            }
            return best < 0 ? null : new int[] {best, best + q.length()};
        }

        private Place place(Note note, int start, int end) {
            return new Place(note, runOf[start], offsetOf[start], runOf[end - 1], offsetOf[end - 1] + 1);
        }

        /** Splits the runs at the places' ends, so each place starts and ends at a run boundary where possible. */
        Pieces split(List<Place> places) {
            List<TreeSet<Integer>> cuts = new ArrayList<>();
            for (int r = 0; r < ctrs.size(); r++) {
                cuts.add(new TreeSet<>());
            }
            for (Place p : places) {
                cuts.get(p.startRun).add(p.startOff);
                cuts.get(p.endRun).add(p.endOff);
            }
            Pieces pieces = new Pieces(ctrs);
            for (int r = 0; r < ctrs.size(); r++) {
                String text = texts.get(r);
                TreeSet<Integer> at = cuts.get(r);
                at.removeIf(o -> o <= 0 || o >= text.length());
                if (at.isEmpty() || !plain(ctrs.get(r))) {
                    continue; // a run with tabs, breaks or fields is commented whole
                }
                List<Integer> bounds = new ArrayList<>(at);
                CTR current = ctrs.get(r);
                int from = 0;
                List<int[]> starts = new ArrayList<>();
                List<CTR> parts = new ArrayList<>();
                for (int cut : bounds) {
                    CTR rest = copyAfter(current);
                    setText(current, text.substring(from, cut));
                    parts.add(current);
                    starts.add(new int[] {from});
                    current = rest;
                    from = cut;
                }
                setText(current, text.substring(from));
                parts.add(current);
                starts.add(new int[] {from});
                pieces.split(r, parts, starts.stream().mapToInt(s -> s[0]).toArray());
            }
            return pieces;
        }

        private static boolean plain(CTR ctr) {
            return ctr.sizeOfTArray() == 1 && ctr.sizeOfTabArray() == 0 && ctr.sizeOfBrArray() == 0
                    && ctr.sizeOfCrArray() == 0 && ctr.sizeOfInstrTextArray() == 0 && ctr.sizeOfFldCharArray() == 0
                    && ctr.sizeOfSymArray() == 0 && ctr.sizeOfNoBreakHyphenArray() == 0 && ctr.sizeOfSoftHyphenArray() == 0;
        }

        private static CTR copyAfter(CTR ctr) {
            try (XmlCursor src = ctr.newCursor(); XmlCursor dst = ctr.newCursor()) {
                dst.toEndToken();
                dst.toNextToken();
                src.copyXml(dst);
                dst.toPrevSibling();
                return (CTR) dst.getObject();
            }
        }

        private static void setText(CTR ctr, String text) {
            CTText t = ctr.getTArray(0);
            t.setStringValue(text);
            try (XmlCursor c = t.newCursor()) {
                c.setAttributeText(new QName("http://www.w3.org/XML/1998/namespace", "space", "xml"), "preserve");
            }
        }
    }

    /** The runs after splitting: run r is the pieces {@code parts[r]} starting at offsets {@code starts[r]}. */
    private static final class Pieces {
        final List<List<CTR>> parts = new ArrayList<>();
        final List<int[]> starts = new ArrayList<>();

        Pieces(List<CTR> ctrs) {
            for (CTR c : ctrs) {
                parts.add(List.of(c));
                starts.add(new int[] {0});
            }
        }

        void split(int run, List<CTR> pieces, int[] from) {
            parts.set(run, List.copyOf(pieces));
            starts.set(run, from);
        }

        CTR first() {
            return parts.get(0).get(0);
        }

        /** The piece of run {@code run} holding its character {@code offset}. */
        CTR at(int run, int offset) {
            int[] s = starts.get(run);
            int k = 0;
            while (k + 1 < s.length && s[k + 1] <= offset) {
                k++;
            }
            return parts.get(run).get(k);
        }
    }
}
