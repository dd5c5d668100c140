package tijian.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks normalised text ({@link #normalize}) once, front to back, and yields each figure: an Arabic number, a
 * Chinese numeral or 百分之… with its measure word, ‰ or %, and the qualifiers that follow it (以上, 左右). What
 * is and is not a figure is described on {@link MetricExtractor}. Every test looks only a few characters around
 * the number, so the scan is linear in the text.
 */
final class FigureScanner {
    /** A figure found at numStart..end before labelling. */
    static final class Fig {
        int numStart;
        int unitEnd;   // end of number+unit (before trailing qualifiers)
        int end;
        double value;
        String unit = "";
        Bound bound = Bound.EXACT;
    }

    static final String CLAUSE_END = "，,。；;、！!？?\n\r）)";
    private static final MetricLexicon WORDS = MetricLexicon.WORDS;
    /** Units by first character, longest first as in the lexicon: a unit is looked up at every number. */
    private static final Map<Character, List<String>> UNITS_BY_FIRST = new HashMap<>();

    static {
        for (String u : WORDS.units) {
            UNITS_BY_FIRST.computeIfAbsent(u.charAt(0), c -> new ArrayList<>()).add(u);
        }
    }

    private final String n;
    private int i;
    private int steps;

    FigureScanner(String normalized) {
        this.n = normalized;
    }

    /** The next figure, or null at the end of the text. */
    Fig next() {
        while (i < n.length()) {
            if ((++steps & 1023) == 0) {
                Deadline.check();
            }
            Fig f = null;
            char c = n.charAt(i);
            if (n.startsWith("百分之", i)) {
                f = percentWords(i);
            } else if (isAsciiDigit(c)) {
                if (i > 0 && isGlue(n.charAt(i - 1))) {
                    i = skipToken(i);
                    continue;
                }
                f = arabic(i);
                if (f == null) {
                    i = skipToken(i);
                    continue;
                }
            } else if (ChineseNumerals.isNumeralChar(c) && (i == 0 || !ChineseNumerals.isNumeralChar(n.charAt(i - 1)))) {
                f = chinese(i);
                if (f == null) {
                    int j = i;
                    while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
                    i = j;
                    continue;
                }
            }
            if (f == null) {
                i++;
                continue;
            }
            i = Math.max(f.end, i + 1);
            return f;
        }
        return null;
    }

    /** Same length as text: full-width digits, ％ ． － （ ） folded to ASCII. */
    static String normalize(String text) {
        char[] a = text.toCharArray();
        for (int k = 0; k < a.length; k++) {
            char c = a[k];
            if (c >= '０' && c <= '９') a[k] = (char) ('0' + (c - '０'));
            else if (c == '％') a[k] = '%';
            else if (c == '．') a[k] = '.';
            else if (c == '－') a[k] = '-';
            else if (c == '（') a[k] = '(';
            else if (c == '）') a[k] = ')';
        }
        return new String(a);
    }

    static boolean isCjk(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || c == '〇' || (c >= '\u3400' && c <= '\u4dbf');
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    /** Characters that glue a number into an identifier, date, phone number or 3·15. */
    private static boolean isGlue(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c) || c == '.' || c == '/' || c == ':' || c == '·' || c == '-'
                || c == '_' || c == '#' || c == '@' || c == '•' || c == '・';
    }

    private int skipToken(int from) {
        int j = from;
        while (j < n.length() && (isGlue(n.charAt(j)))) j++;
        return Math.max(j, from + 1);
    }

    private int number(int from) {
        int j = from;
        while (j < n.length() && isAsciiDigit(n.charAt(j))) j++;
        if (j + 1 < n.length() && n.charAt(j) == '.' && isAsciiDigit(n.charAt(j + 1))) {
            j++;
            while (j < n.length() && isAsciiDigit(n.charAt(j))) j++;
        }
        return j;
    }

    private Fig arabic(int i) {
        if (i > 0 && n.charAt(i - 1) == '第') return null;
        int j = number(i);
        String digits = n.substring(i, j);
        double value = Double.parseDouble(digits);
        boolean range = false;
        int k = j;
        if (k < n.length() && "-—–~～至到".indexOf(n.charAt(k)) >= 0 && k + 1 < n.length()
                && isAsciiDigit(n.charAt(k + 1))) {
            int k2 = number(k + 1);
            if (k2 < n.length() && isGlue(n.charAt(k2))) return null;          // 2026-01-28
            double hi = Double.parseDouble(n.substring(k + 1, k2));
            if (hi <= value) return null;
            range = true;
            j = k2;
        }
        if (j < n.length()) {
            char a = n.charAt(j);
            if (isAsciiLetter(a) || a == '/' || a == ':' || a == '·' || a == '_' || a == '・' || a == '•') return null;
            if (a == '.') return null;                                         // heading marker 1.
            if (a == '-' && j + 1 < n.length() && isGlue(n.charAt(j + 1))) return null;
        }
        Fig f = new Fig();
        f.numStart = i;
        f.value = value;
        int p = j;
        // 万 亿 千 multipliers (but 万元 / 亿元 are units)
        if (p < n.length() && "万亿千".indexOf(n.charAt(p)) >= 0 && !n.startsWith("万元", p) && !n.startsWith("亿元", p)) {
            char mc = n.charAt(p);
            f.value *= mc == '万' ? 10_000 : mc == '亿' ? 100_000_000 : 1_000;
            p++;
        }
        p = tail(p, f);
        if (f.unit.isEmpty()) {
            if (range) return null;
            // bare number: right after a CJK label, right before clause punctuation, not year-like
            if (i == 0 || !isCjk(n.charAt(i - 1))) return null;
            if ("年月日号第届级期版".indexOf(n.charAt(i - 1)) >= 0) return null;
            if (p >= n.length() || CLAUSE_END.indexOf(n.charAt(p)) < 0) return null;
            if (digits.length() > 7) return null;
            if (digits.length() == 4 && value >= 1900 && value <= 2100 && p == j) return null;
        }
        if (range) f.bound = Bound.AT_LEAST;
        // 1月28日 is a date, not 28 days
        if (f.unit.equals("日") && i > 0 && n.charAt(i - 1) == '月') return null;
        f.unitEnd = p;
        f.end = post(p, f);
        return f;
    }

    /** 余/多, then the unit. Returns the position after the unit. */
    private int tail(int p, Fig f) {
        if (p < n.length() && (n.charAt(p) == '余' || n.charAt(p) == '多')) {
            String u = unitAt(p + 1);
            if (u != null || (p + 1 < n.length() && CLAUSE_END.indexOf(n.charAt(p + 1)) >= 0)) {
                f.bound = Bound.MORE_THAN;
                p++;
            }
        }
        String u = unitAt(p);
        if (u != null) {
            f.unit = u;
            p += u.length();
            // 2台(套)
            if (n.startsWith("(套)", p) || n.startsWith("(个)", p) || n.startsWith("(件)", p)
                    || n.startsWith("(次)", p) || n.startsWith("(人)", p)) {
                p += 3;
            }
            if (p < n.length() && (n.charAt(p) == '余' || n.charAt(p) == '多') && f.bound == Bound.EXACT
                    && !f.unit.equals("%")) {
                // 200人余 (rare)
                if (p + 1 >= n.length() || !isCjk(n.charAt(p + 1)) || n.charAt(p + 1) == '人') {
                    f.bound = Bound.MORE_THAN;
                    p++;
                }
            }
        }
        return p;
    }

    private String unitAt(int p) {
        if (p >= n.length()) return null;
        char c = n.charAt(p);
        if (c == '%') return "%";
        if (c == '‰') return "‰";
        for (String u : UNITS_BY_FIRST.getOrDefault(c, List.of())) {
            if (n.startsWith(u, p)) {
                int after = p + u.length();
                String block = WORDS.unitBlockers.get(u);
                if (block != null && after < n.length() && block.indexOf(n.charAt(after)) >= 0) {
                    continue;
                }
                return u;
            }
        }
        return null;
    }

    /** Trailing qualifiers 以上 以内 左右. */
    private int post(int p, Fig f) {
        for (MetricLexicon.Qualifier q : WORDS.postQualifiers) {
            if (n.startsWith(q.word(), p)) {
                if (f.bound == Bound.EXACT || f.bound == Bound.MORE_THAN) f.bound = q.bound();
                return p + q.word().length();
            }
        }
        return p;
    }

    private Fig percentWords(int i) {
        int p = i + 3;
        int j = p;
        double v;
        if (j < n.length() && isAsciiDigit(n.charAt(j))) {
            j = number(j);
            v = Double.parseDouble(n.substring(p, j));
        } else {
            while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
            if (j == p) return null;
            String run = n.substring(p, j);
            Double d = run.equals("百") ? Double.valueOf(100) : ChineseNumerals.parse(run);   // 百分之百
            if (d == null) return null;
            v = d;
            // 百分之九十五点五
            if (j + 1 < n.length() && n.charAt(j) == '点' && ChineseNumerals.digit(n.charAt(j + 1)) >= 0) {
                int k = j + 1;
                StringBuilder frac = new StringBuilder();
                while (k < n.length() && ChineseNumerals.digit(n.charAt(k)) >= 0) {
                    frac.append(ChineseNumerals.digit(n.charAt(k)));
                    k++;
                }
                v = Double.parseDouble((long) v + "." + frac);
                j = k;
            }
        }
        Fig f = new Fig();
        f.numStart = i;
        f.value = v;
        f.unit = "%";
        f.unitEnd = j;
        f.end = post(j, f);
        return f;
    }

    private Fig chinese(int i) {
        int j = i;
        while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
        String run = n.substring(i, j);
        char first = run.charAt(0);
        if (first != '十' && ChineseNumerals.digit(first) < 0) return null;
        if (first == '零' || first == '〇') return null;
        if (i > 0 && n.charAt(i - 1) == '第') return null;
        if (run.equals("一") && i > 0 && WORDS.oneBlockers.indexOf(n.charAt(i - 1)) >= 0) return null;
        if (insideShortQuote(i, j)) return null;
        if (inFixedExpression(i)) return null;
        Fig f = new Fig();
        f.numStart = i;
        // 五万元: 5 万元
        if (run.length() > 1 && (run.endsWith("万") || run.endsWith("亿")) && j < n.length() && n.charAt(j) == '元') {
            Double d = ChineseNumerals.parse(run.substring(0, run.length() - 1));
            if (d == null) return null;
            f.value = d;
            f.unit = run.endsWith("万") ? "万元" : "亿元";
            f.unitEnd = j + 1;
            f.end = post(j + 1, f);
            return f;
        }
        Double d = ChineseNumerals.parse(run);
        if (d == null) return null;
        f.value = d;
        int p = tail(j, f);
        if (f.unit.isEmpty()) return null;
        f.unitEnd = p;
        f.end = post(p, f);
        return f;
    }

    /**
     * True when a fixed expression (三项制度, 一把手…) covers position i. Only the few places where such an
     * expression could start are tried: searching the text onwards from each numeral made parsing quadratic.
     */
    private boolean inFixedExpression(int i) {
        for (int k = Math.max(0, i - WORDS.longestFixed + 1); k <= i; k++) {
            for (String fx : WORDS.fixed) {
                if (k + fx.length() > i && n.startsWith(fx, k)) return true;
            }
        }
        return false;
    }

    /** True when i..j sits inside a short “…” pair: a slogan such as “一案一策”. */
    private boolean insideShortQuote(int i, int j) {
        int open = -1;
        for (int k = i - 1; k >= Math.max(0, i - 15); k--) {
            char c = n.charAt(k);
            if (c == '”' || c == '\n' || c == '。') break;
            if (c == '“') { open = k; break; }
        }
        if (open < 0) return false;
        for (int k = j; k < Math.min(n.length(), j + 15); k++) {
            char c = n.charAt(k);
            if (c == '“' || c == '\n' || c == '。') return false;
            if (c == '”') return true;
        }
        return false;
    }
}
