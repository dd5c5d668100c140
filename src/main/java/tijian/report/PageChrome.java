package tijian.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lines of a web page's text that belong to the site, not to the report: navigation, copyright, registration
 * numbers, font-size / print / voice controls, share and view counters, and 来源/发布时间 metadata lines. Reading
 * classifies every line before the title is looked for, so that no single such line can hide the report (issue 13:
 * one copyright line or unclosed 【字体:大 中 小 above a report stopped title, year and section detection at once).
 *
 * <p>These are patterns of page layout that the parser needs to find the report at all, not vocabulary rule authors
 * tune, so they stay in Java beside {@link Layout}. The values of metadata lines are read by {@link Meta}.
 */
final class PageChrome {
    private PageChrome() {}

    enum Kind {
        /** Report text, or anything not recognised as chrome. */
        CONTENT,
        NAVIGATION,
        /** Copyright lines and registration numbers: at the bottom of the page they start the footer. */
        COPYRIGHT,
        /** Font-size, print, close, voice and version controls. */
        CONTROLS,
        /** Share buttons and view counters. */
        COUNTERS,
        /** "来源:", "发布时间:", "[ 索引号 ]" and similar labelled lines, and a bare date line. */
        METADATA,
        /** Other lines that start a page footer (扫一扫, 返回顶部, 上一篇, 主办单位…). */
        FOOTER
    }

    /** Copyright lines and registration numbers: any of these words anywhere in the line ("Copyright", "ICP" in any case). */
    private static final List<String> COPYRIGHT_WORDS = List.of("版权所有", "©", "公网安备", "网站标识码", "国际联网备案");
    private static final Pattern CONTROLS = Pattern.compile(
            "^[【\\[［(（]?\\s*(?:字体|字号|文字)\\s*[:：]?\\s*[【\\[]?\\s*大|^[【\\[［]?\\s*(?:打印本页|打印|关闭窗口|关闭|收藏|"
                    + "语音播报|语音合成|进入播报模式|退出播报模式|无障碍|关怀版|繁体版|简体版|返回主网站|返回主站|返回首页|返回顶部)"
                    + "\\s*[】\\]］]?\\s*(?:$|[【\\[［]|\\s)");
    private static final Pattern COUNTERS = Pattern.compile(
            "^[【\\[［]?\\s*(?:分享到|分享|浏览次数|浏览量|阅读量|阅读次数|阅读数|访问量|访问次数|点击数|点击量|点击次数|点击率)\\s*[】\\]］]?\\s*(?:[:：]|\\d|$)");
    private static final Pattern NAVIGATION = Pattern.compile(
            "^(?:您当前的位置|当前位置|您的位置|您现在的位置|所在位置)|^首页\\s*[>＞›»]|[>＞›»].*[>＞›»]");
    /**
     * The labels of a page's dates, by how surely each gives the publication date: a 发布日期 before a bare 日期, that
     * before an 更新时间, that before the date the document was written or the page generated.
     */
    private static final List<List<String>> DATE_LABELS = List.of(
            List.of("发布日期", "发布时间", "公开日期", "公开时间", "发稿时间", "发表时间"),
            List.of("日期", "时间"),
            List.of("更新时间", "更新日期", "修改时间"),
            List.of("成文日期", "印发日期", "发文日期"),
            List.of("生成日期"));
    /** Labels naming the body that published the page, and those naming only where the text came from. */
    static final String ISSUER_LABELS = "发布机构|发文机关|发文单位|发布单位";
    static final String SOURCE_LABELS = "来源|信息来源|文章来源|稿件来源";
    /** Every date label, longest first, as a regex alternation. */
    static final String DATE_LABEL = alternation(DATE_LABELS.stream().flatMap(List::stream).toList());
    /** A labelled metadata line, possibly in brackets ("[ 索引号 ]…"), and a line holding only a date. */
    private static final Pattern METADATA = Pattern.compile(
            "^[【\\[［]?\\s*(?:" + DATE_LABEL + "|" + ISSUER_LABELS + "|" + SOURCE_LABELS + "|索引号|文号|发文字号|"
                    + "作者|编辑|责任编辑|主题分类|体裁分类|信息分类|主题词|有效性)\\s*[】\\]］]?\\s*[:：\\]】]"
                    + "|^[(（]?\\s*(?:19|20)\\d\\d\\s*(?:[-/.．]|年)\\s*\\d{1,2}\\s*(?:[-/.．]|月)\\s*\\d{1,2}\\s*日?(?:\\s+\\d{1,2}:\\d\\d(?::\\d\\d)?)?\\s*[)）]?$");
    /** The words a page footer starts with (the parser's footer list before issue 13, kept as it was). */
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:扫一扫|返回主站|返回顶部|返回首页|返回主网站|打印本页|【\\s*打印|\\[\\s*打印|打印\\s*关闭|关闭窗口|【\\s*关闭|分享到|"
                    + "相关链接|上一篇|下一篇|责任编辑|主办单位|承办单位|网站地图|联系我们)");

    /** Chrome lines are short; a longer line is a paragraph, even when a pasted page ends it with a copyright. */
    private static final int MAX_CHROME = 300;

    /**
     * The lines already classified by the parse running on this thread: its scanners (title, footer, content end,
     * metadata, signature, punctuation) ask about the same lines again and again, up to a dozen times each.
     */
    private static final ThreadLocal<Map<String, Kind>> CLASSIFIED = new ThreadLocal<>();

    /** Runs a parse that classifies each distinct line once (nested calls share the outer parse's lines). */
    static <T> T classifyingOnce(Supplier<T> parse) {
        if (CLASSIFIED.get() != null) return parse.get();
        CLASSIFIED.set(new HashMap<>());
        try {
            return parse.get();
        } finally {
            CLASSIFIED.remove();
        }
    }

    static Kind classify(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_CHROME) return Kind.CONTENT;
        Map<String, Kind> classified = CLASSIFIED.get();
        if (classified == null) return kindOf(s);
        Kind k = classified.get(s);
        if (k == null) {
            k = kindOf(s);
            classified.put(s, k);
        }
        return k;
    }

    // Every pattern but NAVIGATION's last branch is anchored at the line's start: lookingAt() tries that one place
    // where find() would try (and fail) at every offset.
    private static Kind kindOf(String s) {
        if (isCopyright(s)) return Kind.COPYRIGHT;
        if (FOOTER.matcher(s).lookingAt()) return Kind.FOOTER;
        if (COUNTERS.matcher(s).lookingAt()) return Kind.COUNTERS;
        if (CONTROLS.matcher(s).lookingAt()) return Kind.CONTROLS;
        if (METADATA.matcher(s).lookingAt()) return Kind.METADATA;
        // navigation has no sentence of its own: a 》 or > in report prose stays prose
        if (s.indexOf('。') < 0 && NAVIGATION.matcher(s).find()) return Kind.NAVIGATION;
        return Kind.CONTENT;
    }

    private static boolean isCopyright(String s) {
        for (String w : COPYRIGHT_WORDS) {
            if (s.indexOf(w) >= 0) return true;
        }
        return containsAsciiIgnoreCase(s, "copyright") || containsAsciiIgnoreCase(s, "icp备") || containsAsciiIgnoreCase(s, "icp证");
    }

    /**
     * Whether {@code lower} (lower case) occurs in {@code s} with its ASCII letters in any case, as a
     * {@code CASE_INSENSITIVE} regex without {@code UNICODE_CASE} matches: only A–Z fold, so 'ı' is not an 'i'.
     */
    static boolean containsAsciiIgnoreCase(String s, String lower) {
        int n = lower.length();
        outer:
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                char c = s.charAt(i + j);
                if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
                if (c != lower.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }

    static boolean isChrome(String line) { return classify(line) != Kind.CONTENT; }

    /** How surely a date label gives the publication date: 0 for 发布日期 and its like, higher for less sure ones. */
    static int dateRank(String label) {
        for (int i = 0; i < DATE_LABELS.size(); i++) if (DATE_LABELS.get(i).contains(label)) return i;
        return DATE_LABELS.size();
    }

    private static String alternation(List<String> words) {
        return words.stream().sorted(Comparator.comparing(String::length).reversed()).collect(Collectors.joining("|"));
    }

    /**
     * Whether the line, met after the report has begun, ends the report text: copyright and registration lines and
     * the footer words (扫一扫, 返回顶部, 【打印】, 分享到…). Metadata, font-size and counter lines do not (they may
     * stand between the title and the body).
     */
    static boolean startsFooter(String line) {
        Kind k = classify(line);
        return k == Kind.COPYRIGHT || k == Kind.FOOTER;
    }
}
