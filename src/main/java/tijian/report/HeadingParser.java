package tijian.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbered headings of a report and builds their tree.
 *
 * <p>Headings are looked for only between the title (when one is found) and the page footer, at two kinds of
 * places: the start of a line, and just after a sentence end (。！？；;!?, possibly followed by a closing quote),
 * because pasted reports lose their line breaks ("…有待激发。2.行政执法能力仍需加强。"). A mid-line 一、 is taken
 * only when it continues the top-level numbering. Figures are not headings: 1. and (1) need a Chinese word after
 * them (so 2.5万, 97.99%, 2026.01.28 never match), and Chinese markers must hold only numerals (so （社区） never
 * matches). Inline 一是/二是 may also follow ，or ：, and 二是, 三是… may follow anything when the one before
 * stands earlier on the same line ("…1500余份三是创新…").
 */
final class HeadingParser {
    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final String SP = "[ \\t\\u3000\\u00A0]*";
    private static final Pattern PAREN_CN = Pattern.compile("([（(])" + SP + "(" + CN + ")" + SP + "([）)])([、,，.．:：]*)");
    private static final Pattern PAREN_AR = Pattern.compile("([（(])" + SP + "([0-9０-９]{1,2})" + SP + "([）)])([、,，.．:：]*)");
    private static final Pattern CHINESE = Pattern.compile("(" + CN + ")" + SP + "([、.．]+)");
    private static final Pattern ARABIC = Pattern.compile("([0-9０-９]{1,2})" + SP + "([.．、]+)(?![0-9０-９])");
    private static final Pattern INLINE = Pattern.compile("(" + CN + ")是");
    private static final String TERMINATORS = "。！？；;!?";
    private static final String CLOSERS = "”’）)」』";
    private static final String CN_DIGITS = "一二三四五六七八九十";
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(?<![0-9])(?:19|20)\\d\\d(?:\\s*年度?)?");

    private enum Boundary { LINE, SENTENCE, SOFT, NONE }

    private record Mark(HeadingStyle style, int start, int markerEnd, int number, List<String> defects, int lineEnd) {}

    private final List<PartWording> partWordings;

    /**
     * The parts.csv row whose pattern is {@value #BY_POSITION}: its presence lets headings be part 1 by position, its
     * {@code unless} names the headings that stay extra parts there (特色亮点…). Kept in parts.csv so that rule
     * authors decide; the pattern never matches a heading, so older parsers ignore the row.
     */
    static final String BY_POSITION = "@position";
    private final PartWording positional;

    HeadingParser(List<PartWording> partWordings) {
        this.partWordings = partWordings.stream().filter(w -> !w.pattern().pattern().equals(BY_POSITION)).toList();
        this.positional = partWordings.stream().filter(w -> w.pattern().pattern().equals(BY_POSITION)
                && w.part() == Part.MEASURES_RESULTS).findFirst().orElse(null);
    }

    List<Section> parse(String text) {
        Layout.Title title = Layout.findTitle(text);
        int from = Layout.bodyStart(text, title);
        int to = Layout.contentEnd(text, from);
        List<Mark> marks = findMarks(text, from, to);
        return build(text, marks, to, reportYear(text, title, from, marks.isEmpty() ? to : marks.get(0).start()));
    }

    /** The report year as far as headings need it: the title's, else the opening's (page chrome left out). */
    private static Integer reportYear(String text, Layout.Title title, int from, int to) {
        Integer y = title == null ? null : Meta.reportYear(title.text());
        for (Layout.Line l : Layout.lines(text)) {
            if (y != null) break;
            Deadline.check();
            Layout.Line t = Layout.trim(text, l);
            int s = Math.max(t.start(), from); // clipped: a pasted report may hold opening and headings on one line
            int e = Math.min(t.end(), to);
            if (s >= e || PageChrome.isChrome(text.substring(s, e))) continue;
            y = Meta.reportYear(text.substring(s, e));
        }
        return y;
    }

    private List<Mark> findMarks(String text, int from, int to) {
        List<Mark> marks = new ArrayList<>();
        int lastChinese = 0;
        for (Layout.Line line : Layout.lines(text)) {
            Deadline.check();
            int ls = Math.max(line.start(), from);
            int le = Math.min(line.end(), to);
            if (ls >= le) continue;
            Mark lastInline = null;
            int p = ls;
            while (p < le) {
                char c = text.charAt(p);
                Mark m = null;
                if (c == '（' || c == '(' || CN_DIGITS.indexOf(c) >= 0 || isDigit(c)) {
                    m = tryMark(text, p, le, boundary(text, ls, p), lastInline, lastChinese);
                }
                if (m == null) {
                    p++;
                    continue;
                }
                marks.add(m);
                if (m.style() == HeadingStyle.CHINESE) lastChinese = m.number();
                if (m.style() == HeadingStyle.INLINE) lastInline = m;
                p = m.markerEnd();
            }
        }
        return marks;
    }

    private static Boundary boundary(String text, int lineStart, int p) {
        int q = p - 1;
        while (q >= lineStart && Layout.isSpace(text.charAt(q))) q--;
        if (q < lineStart) return Boundary.LINE;
        char d = text.charAt(q);
        if (TERMINATORS.indexOf(d) >= 0) return Boundary.SENTENCE;
        if (CLOSERS.indexOf(d) >= 0 && q - 1 >= lineStart && TERMINATORS.indexOf(text.charAt(q - 1)) >= 0) {
            return Boundary.SENTENCE;
        }
        if ("：:，,".indexOf(d) >= 0) return Boundary.SOFT;
        return Boundary.NONE;
    }

    private static Mark tryMark(String text, int p, int le, Boundary b, Mark lastInline, int lastChinese) {
        boolean strong = b == Boundary.LINE || b == Boundary.SENTENCE;
        char c = text.charAt(p);
        if (c == '（' || c == '(') {
            if (!strong) return null;
            Matcher m = PAREN_CN.matcher(text).region(p, le);
            HeadingStyle style = HeadingStyle.PAREN_CHINESE;
            if (!m.lookingAt()) {
                m = PAREN_AR.matcher(text).region(p, le);
                style = HeadingStyle.PAREN_ARABIC;
                if (!m.lookingAt()) return null;
            }
            int ts = skipSpaces(text, m.end(), le);
            if (ts >= le || !titleStartOk(text.charAt(ts), style == HeadingStyle.PAREN_CHINESE)) return null;
            List<String> defects = new ArrayList<>();
            if (!m.group(4).isEmpty()) defects.add("extra-punctuation");
            if ((m.group(1).charAt(0) == '（') != (m.group(3).charAt(0) == '）')) defects.add("mixed-width");
            Integer number = ChineseNumerals.whole(m.group(2));
            if (number == null) return null;
            return new Mark(style, p, m.end(), number, defects, le);
        }
        if (CN_DIGITS.indexOf(c) >= 0) {
            Matcher m = CHINESE.matcher(text).region(p, le);
            if (m.lookingAt()) {
                Integer number = ChineseNumerals.whole(m.group(1));
                if (number == null) return null;
                boolean placed = b == Boundary.LINE || (b == Boundary.SENTENCE && number == lastChinese + 1);
                int ts = skipSpaces(text, m.end(), le);
                if (placed && ts < le && titleStartOk(text.charAt(ts), true)) {
                    List<String> defects = new ArrayList<>();
                    String sep = m.group(2);
                    if (sep.length() > 1) defects.add("extra-punctuation");
                    else if (!sep.equals("、")) defects.add("wrong-separator");
                    return new Mark(HeadingStyle.CHINESE, p, m.end(), number, defects, le);
                }
                return null;
            }
            m = INLINE.matcher(text).region(p, le);
            if (m.lookingAt()) {
                Integer number = ChineseNumerals.whole(m.group(1));
                if (number == null) return null;
                boolean placed = b != Boundary.NONE
                        || (number > 1 && lastInline != null && lastInline.number() == number - 1
                            && (p == 0 || CN_DIGITS.indexOf(text.charAt(p - 1)) < 0));
                if (placed && m.end() < le) {
                    return new Mark(HeadingStyle.INLINE, p, m.end(), number, List.of(), le);
                }
            }
            return null;
        }
        if (isDigit(c)) {
            if (!strong) return null;
            Matcher m = ARABIC.matcher(text).region(p, le);
            if (!m.lookingAt()) return null;
            int ts = skipSpaces(text, m.end(), le);
            if (ts >= le || !titleStartOk(text.charAt(ts), false)) return null;
            List<String> defects = new ArrayList<>();
            String sep = m.group(2);
            if (sep.length() > 1) defects.add("extra-punctuation");
            else if (sep.equals("、")) defects.add("wrong-separator");
            return new Mark(HeadingStyle.ARABIC, p, m.end(), ChineseNumerals.whole(m.group(1)), defects, le);
        }
        return null;
    }

    private List<Section> build(String text, List<Mark> marks, int to, Integer reportYear) {
        int n = marks.size();
        int[] parent = new int[n];
        int[] bodyEnd = new int[n];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            int level = marks.get(i).style().getLevel();
            while (!stack.isEmpty() && marks.get(stack.peek()).style().getLevel() >= level) {
                bodyEnd[stack.pop()] = marks.get(i).start();
            }
            parent[i] = stack.isEmpty() ? -1 : stack.peek();
            stack.push(i);
        }
        while (!stack.isEmpty()) bodyEnd[stack.pop()] = to;

        // numbering among siblings: same style under the same parent
        List<List<String>> defects = new ArrayList<>();
        Map<String, Integer> previous = new HashMap<>();
        int topLevel = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Mark m = marks.get(i);
            List<String> d = new ArrayList<>(m.defects());
            String key = parent[i] + "/" + m.style();
            Integer prev = previous.get(key);
            if (m.style() == HeadingStyle.INLINE) {
                // 一是 starts a new enumeration; a lone 二是 without its 一是 is not flagged
                if (m.number() != 1 && prev != null) numberingDefect(d, prev, m.number());
                bodyEnd[i] = Math.min(bodyEnd[i], m.lineEnd());
            } else {
                if (prev == null) {
                    if (m.number() != 1) d.add("skipped");
                } else {
                    numberingDefect(d, prev, m.number());
                }
                topLevel = Math.min(topLevel, m.style().getLevel());
            }
            previous.put(key, m.number());
            defects.add(d);
        }

        List<Section> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Mark m = marks.get(i);
            int ts = skipSpaces(text, m.markerEnd(), m.lineEnd());
            int limit = m.lineEnd();
            if (i + 1 < n && marks.get(i + 1).start() < limit) limit = marks.get(i + 1).start();
            int stop = text.indexOf('。', ts);
            int end;
            int titleEnd;
            if (stop >= 0 && stop < limit) {
                titleEnd = stop;
                end = stop + 1;
            } else {
                end = limit;
                while (end > ts && Layout.isSpace(text.charAt(end - 1))) end--;
                titleEnd = end;
            }
            String title = stripTitle(text.substring(ts, Math.max(ts, titleEnd)));
            Set<Part> parts = EnumSet.noneOf(Part.class);
            if (m.style() != HeadingStyle.INLINE) {
                parts.addAll(namedParts(title, reportYear));
            } else if (namedParts(title, reportYear).contains(Part.FIRST_RESPONSIBLE)) {
                // 一是/二是 sub-headings name only the 第一责任人 part ("二是压实法治建设第一责任人职责"), which the
                // structure rule wants to see even as a subsection; other parts named in a one-sentence 一是 would
                // have the whole-part rules (plan targets, causes) judge that sentence as the part
                parts.add(Part.FIRST_RESPONSIBLE);
            }
            boolean top = m.style() != HeadingStyle.INLINE && m.style().getLevel() == topLevel;
            sections.add(new Section(i, m.style(), text.substring(m.start(), m.markerEnd()), m.number(), title,
                    m.start(), end, Math.max(end, bodyEnd[i]), parent[i], top, parts, defects.get(i)));
        }
        return byPosition(sections, reportYear);
    }

    /**
     * The parts a heading's wording names; a heading about the year after the report year that names a plan is no
     * part 1 as well ("2025年主要工作" in a 2024 report).
     */
    private Set<Part> namedParts(String title, Integer reportYear) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (PartWording w : partWordings) {
            if (w.matches(title)) parts.add(w.part());
        }
        Integer year = Meta.reportYear(title);
        if (reportYear != null && year != null && year > reportYear && parts.contains(Part.NEXT_YEAR_PLAN)) {
            parts.remove(Part.MEASURES_RESULTS);
        }
        return parts;
    }

    /**
     * The regulation fixes five parts, not their wording. Before the shortcomings part (or, without one, in the
     * first top-level heading), a heading about the report year is no plan because of its year alone ("2024年主要工作"
     * / "2024年重点工作" in a 2024 report), and when no top-level heading names part 1, the top-level headings there
     * that name no part and are not about a later year are part 1 ("一、坚持党的领导…", "思想引领",
     * "2025年度工作总体情况"), unless the {@value #BY_POSITION} row of parts.csv keeps them extra parts.
     */
    private List<Section> byPosition(List<Section> sections, Integer reportYear) {
        List<Section> top = sections.stream().filter(Section::isTopLevel).toList();
        int shortcomings = -1;
        for (int k = 0; k < top.size() && shortcomings < 0; k++) {
            if (top.get(k).getParts().contains(Part.SHORTCOMINGS)) shortcomings = k;
        }
        int until = Math.min(top.size(), shortcomings < 0 ? 1 : shortcomings);
        List<Section> out = new ArrayList<>(sections);
        List<Set<Part>> before = new ArrayList<>();
        for (int k = 0; k < until; k++) {
            Section s = top.get(k);
            Set<Part> parts = EnumSet.noneOf(Part.class);
            parts.addAll(s.getParts());
            Integer year = Meta.reportYear(s.getTitle());
            if (parts.contains(Part.NEXT_YEAR_PLAN) && year != null && reportYear != null && year <= reportYear
                    && !namesPlanWithoutYear(s.getTitle())) {
                parts.remove(Part.NEXT_YEAR_PLAN);
                if (parts.isEmpty()) parts.add(Part.MEASURES_RESULTS);
            }
            before.add(parts);
        }
        boolean named = top.stream().anyMatch(s -> s.getParts().contains(Part.MEASURES_RESULTS))
                || before.stream().anyMatch(p -> p.contains(Part.MEASURES_RESULTS));
        for (int k = 0; k < until; k++) {
            Section s = top.get(k);
            Set<Part> parts = before.get(k);
            Integer year = Meta.reportYear(s.getTitle());
            boolean later = year != null && reportYear != null && year > reportYear;
            boolean extra = positional == null
                    || positional.unless() != null && positional.unless().matcher(s.getTitle()).find();
            if (!named && parts.isEmpty() && !later && !extra) parts.add(Part.MEASURES_RESULTS);
            if (parts.equals(s.getParts())) continue;
            out.set(s.getIndex(), new Section(s.getIndex(), s.getStyle(), s.getMarker(), s.getNumber(), s.getTitle(),
                    s.getStart(), s.getEnd(), s.getBodyEnd(), s.getParent(), true, parts, s.getDefects()));
        }
        return out;
    }

    private boolean namesPlanWithoutYear(String title) {
        String yearless = YEAR_IN_TITLE.matcher(title).replaceAll("");
        for (PartWording w : partWordings) {
            if (w.part() == Part.NEXT_YEAR_PLAN && w.matches(yearless)) return true;
        }
        return false;
    }

    private static void numberingDefect(List<String> d, int prev, int number) {
        if (number <= prev) d.add("repeated");
        else if (number > prev + 1) d.add("skipped");
    }

    private static String stripTitle(String s) {
        int e = s.length();
        while (e > 0 && ("。；;:：，,、".indexOf(s.charAt(e - 1)) >= 0 || Layout.isSpace(s.charAt(e - 1)))) e--;
        return s.substring(0, e).strip();
    }

    private static int skipSpaces(String text, int p, int le) {
        while (p < le && Layout.isSpace(text.charAt(p))) p++;
        return p;
    }

    private static boolean titleStartOk(char c, boolean allowDigit) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) return true;
        if ("“‘《「【\"".indexOf(c) >= 0) return true;
        return allowDigit && isDigit(c);
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }
}
