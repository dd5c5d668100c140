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
    private static final Pattern ISSUER_BEFORE_YEAR = Pattern.compile("^(.{2,60}?)(?:关于)?(?:19|20)\\d\\d\\s*年");
    /** Lines that start the page footer: once one is seen, the report text is over. */
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:扫一扫|返回主站|返回顶部|返回首页|返回主网站|打印本页|【\\s*打印|\\[\\s*打印|打印\\s*关闭|关闭窗口|【\\s*关闭|分享到|相关链接|上一篇|下一篇|"
                    + "责任编辑|主办单位|承办单位|网站地图|联系我们|Copyright|版权所有)"
                    + "|Copyright|版权所有|ICP备|网站标识码|公网安备",
            Pattern.CASE_INSENSITIVE);

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

    /** The title nearest the body, or null when no line looks like one. */
    static Title findTitle(String text) {
        List<Line> lines = lines(text);
        int footer = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (FOOTER.matcher(trim(text, lines.get(i)).of(text)).find()) {
                footer = i;
                break;
            }
        }
        Title strong = null;
        Title weak = null;
        // pages repeat the title (名称: line, heading of the page): take the last title line before the first
        // 一、 heading that follows it, so that a 一、 in the page's navigation does not stop the search
        int limit = footer;
        for (int i = 0; i < limit; i++) {
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
            if (titleLike(s)) {
                strong = withUnitLine(text, lines, i, t, s, t);
            } else if (s.startsWith("关于") && s.length() <= 60 && !SENTENCE_PUNCT.matcher(s).find()) {
                // a title broken over two lines: 关于2025年法治政府建设 / 情况的报告
                int j = nextNonBlank(text, lines, i + 1, 1);
                if (j >= 0 && j < limit) {
                    Line u = trim(text, lines.get(j));
                    String joined = s + u.of(text);
                    if (titleLike(joined) && u.of(text).length() <= 40) {
                        strong = withUnitLine(text, lines, i, t, joined, new Line(t.start(), u.end()));
                        i = j;
                    }
                }
            }
        }
        return strong != null ? strong : weak;
    }

    private static Title withUnitLine(String text, List<Line> lines, int i, Line t, String s, Line whole) {
        if (s.startsWith("关于")) {
            int p = previousNonBlank(text, lines, i - 1, 2);
            if (p >= 0) {
                Line u = trim(text, lines.get(p));
                String unit = u.of(text);
                if (unit.length() <= 40 && ORG_LINE.matcher(unit).matches() && !SENTENCE_PUNCT.matcher(unit).find()
                        && unit.indexOf(':') < 0 && unit.indexOf('：') < 0 && !unit.contains("报告")) {
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

    /** A title line: ends in 报告, names 法治 or 依法行政, no sentence punctuation, not too long. */
    static boolean titleLike(String s) {
        return s.length() >= 8 && s.length() <= 90 && s.endsWith("报告")
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
        for (Line l : lines(text)) {
            if (l.end() < from) continue;
            Line t = trim(text, l);
            if (t.start() < from) continue;
            if (FOOTER.matcher(t.of(text)).find()) {
                int e = l.start();
                while (e > from && isSpace(text.charAt(e - 1))) e--;
                return e;
            }
        }
        return text.length();
    }
}
