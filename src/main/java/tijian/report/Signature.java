package tijian.report;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a report: the signing body (落款) and the date line (成文日期) after the last top-level heading. The
 * date is read in any common form, and {@link #getFormDefect()} says how it departs from GB/T 9704—2012 (Arabic
 * numerals, full year, 年月日, no leading zero): "2026年1月20日" is right, "二〇二六年一月二十日", "2026年01月20日"
 * and "2026-01-20" are not.
 */
public final class Signature implements Located {
    private static final Pattern ARABIC = Pattern.compile("((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern CHINESE = Pattern.compile(
            "([〇○零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,2})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");
    private static final Pattern NUMERIC = Pattern.compile("((?:19|20)\\d\\d)\\s*[-/.．]\\s*(\\d{1,2})\\s*[-/.．]\\s*(\\d{1,2})");
    /** A line that names a body: ends in one of the words bodies end in, short, no sentence punctuation. */
    private static final Pattern BODY = Pattern.compile(
            "[^，。；：,;:]{2,40}(人民政府|政府|办公厅|办公室|办事处|街道|镇|乡|局|厅|委员会|委|党工委|党委|管委会|中心)");

    private final Span date;
    private final LocalDate on;
    private final String raw;
    private final String formDefect;
    private final Span signer;

    private Signature(Span date, LocalDate on, String raw, String formDefect, Span signer) {
        this.date = date;
        this.on = on;
        this.raw = raw;
        this.formDefect = formDefect;
        this.signer = signer;
    }

    /** Where the date stands. */
    @Override public int getStart() { return date.getStart(); }
    @Override public int getEnd() { return date.getEnd(); }
    /** The date as a value. */
    public LocalDate getDate() { return on; }
    /** The date line as written. */
    public String getRaw() { return raw; }
    /** Null when the date is in the GB/T 9704 form, else "chinese-numerals", "leading-zero" or "not-year-month-day". */
    public String getFormDefect() { return formDefect; }
    /** The signing body's line just above the date, or null when there is none. */
    public Span getSigner() { return signer; }

    /**
     * The last line holding only a date between the last top-level heading and the page footer, with the line above
     * it when that names a body; null when there is no such line.
     */
    static Signature find(String text, List<Section> sections, int bodyStart) {
        int from = bodyStart;
        for (Section s : sections) if (s.isTopLevel()) from = s.getStart();
        int contentEnd = Layout.contentEnd(text, from);
        Signature found = null;
        Layout.Line previous = null;
        for (Layout.Line l : Layout.lines(text)) {
            Deadline.check();
            Layout.Line tl = Layout.trim(text, l);
            if (tl.start() < from || tl.end() > contentEnd || tl.start() >= tl.end()) continue;
            String s = tl.of(text);
            Signature here = parse(s, new Span(tl.start(), tl.end()));
            if (here != null) {
                Span signer = previous != null && previous.end() - previous.start() <= 40
                        && BODY.matcher(previous.of(text)).matches() ? new Span(previous.start(), previous.end()) : null;
                found = new Signature(here.date, here.on, here.raw, here.formDefect, signer);
            }
            previous = tl;
        }
        return found;
    }

    private static Signature parse(String line, Span where) {
        Matcher a = ARABIC.matcher(line);
        if (a.matches()) {
            LocalDate d = ChineseNumerals.date(a.group(1), a.group(2), a.group(3));
            boolean leadingZero = a.group(2).startsWith("0") || a.group(3).startsWith("0");
            return d == null ? null : new Signature(where, d, line, leadingZero ? "leading-zero" : null, null);
        }
        Matcher c = CHINESE.matcher(line);
        if (c.matches()) {
            LocalDate d = ChineseNumerals.date(c.group(1), c.group(2), c.group(3));
            return d == null ? null : new Signature(where, d, line, "chinese-numerals", null);
        }
        Matcher n = NUMERIC.matcher(line);
        if (n.matches()) {
            LocalDate d = ChineseNumerals.date(n.group(1), n.group(2), n.group(3));
            return d == null ? null : new Signature(where, d, line, "not-year-month-day", null);
        }
        return null;
    }
}
