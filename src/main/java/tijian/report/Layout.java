package tijian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the report stands inside the page text: its lines, its title, and where the page chrome after it begins.
 * Shared by the heading parser, {@link Meta} and {@link YearMentions} so that they agree on those places.
 */
final class Layout {
    private Layout() {}

    /** A line of text, without its terminator. */
    record Line(int start, int end) {
        String of(String text) { return text.substring(start, end); }
    }

    /**
     * The recognised title. {@code span} covers the title line, or, in the two-line form (unit on the line before
     * the 关于 line), both lines from the unit's first character to the 关于 line's last. {@code issuer} is the
     * unit the title names ("重庆市綦江区关坝镇人民政府"), or null.
     */
    record Title(String text, Span span, String issuer) {}

    private static final Pattern META_PREFIX = Pattern.compile("^(?:名称|标题|题名|文件名称|信息名称)\\s*[:：]\\s*(.+)$");
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[。，,；;！？!?]");
    private static final Pattern LINE_HEADING = Pattern.compile("^[一二三四五六七八九十]{1,3}\\s*[、.．]");
    private static final Pattern ORG_LINE = Pattern.compile(
            ".{2,40}(人民政府|政府|办事处|街道|镇|乡|局|委员会|党工委|党委|委|办公室|中心|院|所|队|处|厅|部|管委会|公司)");
    /** Sub-headings and sentence-like lines that end in 情况 but are no title: （一）…, 一是…, 1.…, 关于…的情况 in prose. */
    private static final Pattern NOT_A_TITLE = Pattern.compile("^(?:[（(]|[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,3}是)|推进|加强|坚持");
    private static final Pattern YEAR_FIRST_ISSUER = Pattern.compile(
            "^(?:19|20)\\d\\d\\s*年度?\\s*(\\p{IsHan}{2,30}?)(?:关于)?(?:推进)?(?:法治政府|法治建设|依法行政|法治)");
    /** 关于福州市2022年…; not 关于报送/上报/印发2022年…, where a verb stands after 关于. */
    private static final Pattern GUANYU_ISSUER = Pattern.compile("^关于(?!报送|上报|呈报|提交|印发|报告|公布|公开)(\\p{IsHan}{2,40}?)(?:19|20)\\d\\d\\s*年");
    private static final Pattern ISSUER_BEFORE_YEAR = Pattern.compile("^(.{2,60}?)(?:关于)?(?:19|20)\\d\\d\\s*年");
    /** A trailing date or 来源/时间 fragment on the title line: "…情况报告(2024-02-26)", "…报告 来源：某某局". */
    private static final Pattern TITLE_TAIL = Pattern.compile(
            "[ \\t\\u3000]*(?:[(（][ \\t]*(?:19|20)\\d\\d[ \\t]*(?:[-/.．]|年)[ \\t]*\\d{1,2}[ \\t]*(?:[-/.．]|月)[ \\t]*\\d{1,2}[ \\t]*日?[ \\t]*[)）]"
                    + "|[ \\t\\u3000]+(?:19|20)\\d\\d[-/.．]\\d{1,2}[-/.．]\\d{1,2}"
                    + "|[ \\t\\u3000]+(?:" + PageChrome.SOURCE_LABELS + "|" + PageChrome.DATE_LABEL + ")[ \\t\\u3000]*[:：].*)[ \\t\\u3000]*$");
    /** A title's first line when it is broken before its end: "…乡人民政府关于2023年度" / "法治政府建设工作的报告". */
    private static final Pattern TITLE_HEAD = Pattern.compile("关于|(?:19|20)\\d\\d[ \\t]*年度?$|法治|依法行政");

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || c == '\u200B';
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start <= n) {
            lines.add(new Line(start, n));
        }
        return lines;
    }

    /** The line trimmed of surrounding white space, as a span (possibly empty). */
    static Line trim(String text, Line l) {
        int s = l.start();
        int e = l.end();
        while (s < e && isSpace(text.charAt(s))) s++;
        while (e > s && isSpace(text.charAt(e - 1))) e--;
        return new Line(s, e);
    }

    /**
     * The line index where the page footer starts: the first footer line ({@link PageChrome#startsFooter}) after a
     * line of report text at or after {@code from}; chrome above the report (a copyright or ICP line, print
     * controls at the top of the page) is skipped, not taken for the footer. {@code lines.size()} when none.
     */
    private static int footerLine(String text, List<Line> lines, int from) {
        boolean begun = false;
        for (int i = 0; i < lines.size(); i++) {
            Deadline.check();
            Line t = trim(text, lines.get(i));
            if (t.start() < from || t.start() >= t.end()) continue;
            String s = t.of(text);
            if (begun && PageChrome.startsFooter(s)) return i;
            if (!PageChrome.isChrome(s)) begun = true;
        }
        return lines.size();
    }

    /** The start of the first line that is neither blank nor page chrome; the end of the text when none is. */
    static int firstReportLine(String text) {
        for (Line l : lines(text)) {
            Deadline.check();
            Line t = trim(text, l);
            if (t.start() < t.end() && !PageChrome.isChrome(t.of(text))) return t.start();
        }
        return text.length();
    }

    /** The title nearest the body, or null when no line looks like one. */
    static Title findTitle(String text) {
        List<Line> lines = lines(text);
        int footer = footerLine(text, lines, 0);
        Title strong = null;
        Title weak = null;
        // pages repeat the title (名称: line, heading of the page): take the last title line before the first
        // 一、 heading that follows it, so that a 一、 in the page's navigation does not stop the search
        int limit = footer;
        for (int i = 0; i < limit; i++) {
            Deadline.check();
            Line t = trim(text, lines.get(i));
            String s = t.of(text);
            if (s.isEmpty()) continue;
            if ((strong != null || weak != null) && LINE_HEADING.matcher(s).find()) break;
            Matcher meta = META_PREFIX.matcher(s);
            if (meta.matches()) {
                if (titleLike(meta.group(1).trim())) {
                    int st = t.start() + meta.start(1);
                    String v = meta.group(1).trim();
                    weak = new Title(v, new Span(st, st + v.length()), issuerIn(v));
                }
                continue;
            }
            // site chrome is classified before any title is looked for
            if (PageChrome.isChrome(s)) continue;
            String core = withoutTail(s);
            if (titleLike(core)) {
                Line c = new Line(t.start(), t.start() + core.length());
                strong = withUnitLine(text, lines, i, c, core, c);
            } else if (s.length() <= 60 && !SENTENCE_PUNCT.matcher(s).find() && TITLE_HEAD.matcher(s).find()) {
                // a title broken over two lines: 关于2025年法治政府建设 / 情况的报告; …乡人民政府关于2023年度 / 法治政府建设工作的报告
                int j = nextNonBlank(text, lines, i + 1, 1);
                if (j >= 0 && j < limit) {
                    Line u = trim(text, lines.get(j));
                    String second = withoutTail(u.of(text));
                    String joined = s + second;
                    if (titleLike(joined) && second.length() <= 40 && !PageChrome.isChrome(second)) {
                        strong = withUnitLine(text, lines, i, t, joined, new Line(t.start(), u.start() + second.length()));
                        i = j;
                    }
                }
            }
        }
        return strong != null ? strong : weak;
    }

    /** The line without a trailing date or 来源 fragment (the date is read as a fact by {@link Meta}). */
    static String withoutTail(String s) {
        if (s.length() > 120) return s; // no title; and a long pasted line would cost the regex quadratic time
        Matcher m = TITLE_TAIL.matcher(s);
        return m.find() && m.start() >= 8 ? s.substring(0, m.start()) : s;
    }

    private static Title withUnitLine(String text, List<Line> lines, int i, Line t, String s, Line whole) {
        if (s.startsWith("关于") || issuerIn(s) == null) {
            int p = previousNonBlank(text, lines, i - 1, 2);
            if (p >= 0) {
                Line u = trim(text, lines.get(p));
                String unit = u.of(text);
                if (unit.length() <= 40 && ORG_LINE.matcher(unit).matches() && !SENTENCE_PUNCT.matcher(unit).find()
                        && unit.indexOf(':') < 0 && unit.indexOf('：') < 0 && !unit.contains("报告")
                        && !PageChrome.isChrome(unit)) {
                    return new Title(unit + s, new Span(u.start(), whole.end()), unit);
                }
            }
        }
        return new Title(s, new Span(whole.start(), whole.end()), issuerIn(s));
    }

    private static String issuerIn(String title) {
        int k = title.indexOf("关于");
        if (k >= 2) {
            return title.substring(0, k).trim();
        }
        // the year first (2024年上海市法治政府建设情况报告) or the unit after 关于 (关于福州市2022年…)
        Matcher y = YEAR_FIRST_ISSUER.matcher(title);
        if (y.find()) return y.group(1).trim();
        Matcher g = GUANYU_ISSUER.matcher(title);
        if (g.find()) return g.group(1).trim();
        Matcher m = ISSUER_BEFORE_YEAR.matcher(title);
        if (m.find() && !title.startsWith("关于")) {
            return m.group(1).trim();
        }
        return null;
    }

    private static int nextNonBlank(String text, List<Line> lines, int from, int maxBlank) {
        for (int j = from; j < lines.size() && j <= from + maxBlank; j++) {
            if (trim(text, lines.get(j)).end() > trim(text, lines.get(j)).start()) return j;
        }
        return -1;
    }

    private static int previousNonBlank(String text, List<Line> lines, int from, int maxBlank) {
        for (int j = from; j >= 0 && j >= from - maxBlank; j--) {
            if (trim(text, lines.get(j)).end() > trim(text, lines.get(j)).start()) return j;
        }
        return -1;
    }

    /**
     * A title line: names 法治 or 依法行政, no sentence punctuation, not too long, and ends in 报告, or in 情况
     * (工作情况, 建设情况) or 工作总结 when it names 法治政府建设 or 依法行政 and is no numbered heading.
     */
    static boolean titleLike(String s) {
        boolean ending = s.endsWith("报告")
                || (s.endsWith("情况") || s.endsWith("工作总结")) && (s.contains("法治政府建设") || s.contains("依法行政"))
                    && !NOT_A_TITLE.matcher(s).find();
        return s.length() >= 8 && s.length() <= 90 && ending
                && (s.contains("法治") || s.contains("依法行政"))
                && !SENTENCE_PUNCT.matcher(s).find()
                && !LINE_HEADING.matcher(s).find();
    }

    /** Where the report text starts: just after the title, or 0 when there is none. */
    static int bodyStart(String text, Title title) {
        return title == null ? 0 : title.span().getEnd();
    }

    /**
     * Where the report text ends: at the first footer line of page chrome (扫一扫, 返回顶部, Copyright, 版权所有, ICP备…)
     * after {@code from}, trimmed back over white space; the end of the text when no footer is seen.
     */
    static int contentEnd(String text, int from) {
        List<Line> lines = lines(text);
        int i = footerLine(text, lines, from);
        if (i >= lines.size()) return text.length();
        int e = lines.get(i).start();
        while (e > from && isSpace(text.charAt(e - 1))) e--;
        return Math.max(e, from);
    }
}
