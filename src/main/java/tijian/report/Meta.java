package tijian.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title, unit, year and dates of a report.
 *
 * <ul>
 *   <li>title: the standalone title line nearest the body ("名称:" lines of the page are used only when there is no
 *   standalone one); page chrome ({@link PageChrome}) is never a title. When the title names no unit (or starts with
 *   关于) and the unit stands alone on the line before it, the title is unit + title line (joined without the line
 *   break) and titleSpan covers both lines; a title broken after 关于…年度 is joined the same way. A trailing date or
 *   来源 fragment is not part of the title.</li>
 *   <li>issuer: the words before 关于 (or before the year, or between the year and 法治…, or between 关于 and the
 *   year, unless a verb such as 报送 stands there) in the title, or the unit line; else the page's 发布机构/发文机关,
 *   else a 来源 naming a body; else the opening sentence ("2024年，郎溪县…", "2023年，在…领导下，新县…",
 *   "现将…人民政府2023年…报告如下"); else the line above the signature date.</li>
 *   <li>unit: the issuer read by {@link UnitNames#unitOf} (the place of a joint party-and-government report;
 *   departments keep their province or municipality).</li>
 *   <li>year: from the title, else the opening (between title and first heading, chrome left out), else the first
 *   top-level heading with a year (less one when it is the plan after the shortcomings); Arabic or Chinese digits
 *   (二〇二三年); never a year inside 《》, a 〔〕 document number or a year range.</li>
 *   <li>publishedOn: by the rank of its label ({@link PageChrome#dateRank}: 发布日期/发布时间 first, then 日期/时间
 *   or a bare date just under the title, past chrome lines, then 更新时间, then 成文日期/印发日期, then 生成日期), in the
 *   page chrome only (outside the headed report text); publishedOnSpan covers the label and the date
 *   ("发布日期:2026-01-28"), or the bare date.</li>
 *   <li>signedOn: the last line after the last top-level heading that holds only a date (2026年1月20日,
 *   二〇二六年一月二十日).</li>
 * </ul>
 */
record Meta(String title, Span titleSpan, String issuer, String unit, Integer year,
            LocalDate publishedOn, Span publishedOnSpan, LocalDate signedOn) {

    /** A year in Arabic digits (2023年) or in Chinese ones (二〇二三年度), as the titles of some reports write it. */
    private static final Pattern YEAR = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d\\d)\\s*年|(?<![〇○零一二三四五六七八九十])((?:一九|二〇|二○|二零)[〇○零一二三四五六七八九]{2})\\s*年");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?<!\\p{IsHan})(" + PageChrome.DATE_LABEL + ")[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*"
                    + "(\\d{4})[ \\t]*(?:[-/.．]|年)[ \\t]*(\\d{1,2})[ \\t]*(?:[-/.．]|月)[ \\t]*(\\d{1,2})(?![0-9])(?:[ \\t]*日)?");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(?<!\\p{IsHan})(" + PageChrome.ISSUER_LABELS + "|" + PageChrome.SOURCE_LABELS
                    + ")[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*([^\\s\\[【]+)");
    /** A 来源 value that names a body rather than a web site or a newspaper. */
    private static final Pattern BODY = Pattern.compile(
            "\\p{IsHan}{2,40}(人民政府|政府|办公厅|办公室|办事处|街道|镇|乡|局|厅|委员会|委|党工委|党委|管委会)");
    /** A title's own date, on its line or under it: "(2024-02-26)", "（2024年2月26日）", "2024-02-01 08:30:00". */
    private static final Pattern BARE_DATE = Pattern.compile(
            "[(（]?[ \\t]*((?:19|20)\\d\\d)[ \\t]*(?:[-/.．]|年)[ \\t]*(\\d{1,2})[ \\t]*(?:[-/.．]|月)[ \\t]*(\\d{1,2})[ \\t]*日?(?:[ \\t]+\\d{1,2}:\\d\\d(?::\\d\\d)?)?[ \\t]*[)）]?");
    /** 《…》 citations and 〔…〕/[…] document-number brackets: their years are not the report's. */
    private static final Pattern CITED = Pattern.compile("《[^《》\\n]*》|[〔\\[［【][^〔〕\\]］】\\n]{0,12}[〕\\]］】]");
    private static final Pattern RANGE = Pattern.compile(
            "(?<![0-9])(?:19|20)\\d\\d\\s*(?:年度|年)?\\s*[—–\\-－~～至到]{1,2}\\s*(?:19|20)\\d\\d(?:年度|年)?");
    /**
     * The opening names the place after its year, perhaps after whose leadership it worked under: "2024年，郎溪县坚持…",
     * "2023年，在市委、市政府的坚强领导下，某某区…" (not 我镇, 全县, 本局).
     */
    private static final Pattern OPENING_PLACE = Pattern.compile(
            "^(?:19|20)\\d\\d\\s*年度?(?:以来)?\\s*[,，]?\\s*(?:在[^，,。]{2,40}?下\\s*[,，]\\s*)?((?:中共)?(?:[\\p{IsHan}&&[^的在和与及是为以了我本全各这该市区县镇乡]]{1,12}?"
                    + "(?:自治县|自治州|自治区|街道|省|市|区|县|旗|乡|镇))+(?:人民政府|政府|办事处)?)");
    private static final Pattern OPENING_XIANJIANG = Pattern.compile("现将(\\p{IsHan}{2,40}?)(?:关于)?(?:19|20)\\d\\d\\s*年");
    private static final Pattern SIGNED = Pattern.compile("((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern SIGNED_CN = Pattern.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日");

    static Meta extract(String text, List<Section> sections) {
        Layout.Title t = Layout.findTitle(text);
        String title = t == null ? null : t.text();
        Span titleSpan = t == null ? null : t.span();
        int bodyStart = Layout.bodyStart(text, t);
        int contentEnd = Layout.contentEnd(text, bodyStart);
        int openingEnd = Math.max(bodyStart, sections.isEmpty() ? contentEnd : sections.get(0).getStart());
        List<String> opening = openingLines(text, bodyStart, openingEnd);

        // unit: from the title, else the page's issuer line, else the opening sentence
        String issuer = t == null ? null : t.issuer();
        if (issuer == null) issuer = publisher(text);
        if (issuer == null) issuer = openingIssuer(opening);
        String unit = UnitNames.unitOf(issuer);

        // year: title, then opening sentence, then headings; never a citation's or a document number's
        Integer year = null;
        if (title != null) year = reportYear(title);
        for (int i = 0; year == null && i < opening.size(); i++) year = reportYear(opening.get(i));
        if (year == null) year = headingsYear(sections);

        // publication date: page chrome only, i.e. outside the headed report text
        int reportFrom = sections.isEmpty() ? contentEnd : sections.get(0).getStart();
        LocalDate published = null;
        Span publishedSpan = null;
        int best = Integer.MAX_VALUE;
        Matcher m = PUBLISHED.matcher(text);
        while (m.find()) {
            Deadline.check();
            if (m.start() >= reportFrom && m.start() < contentEnd) continue;
            int rank = PageChrome.dateRank(m.group(1));
            LocalDate d = date(m.group(2), m.group(3), m.group(4));
            if (d != null && rank < best) {
                best = rank;
                published = d;
                publishedSpan = new Span(m.start(), m.end());
            }
        }
        // a bare date just after the title ("…情况报告(2024-02-26)", or on a line below it, past any font-size or
        // share line) is the title's date
        if (titleSpan != null && best > 1) {
            Matcher b = dateUnderTitle(text, titleSpan.getEnd());
            LocalDate d = b == null ? null : date(b.group(1), b.group(2), b.group(3));
            if (d != null) {
                published = d;
                publishedSpan = new Span(b.start(1), b.end(3));
            }
        }

        // signature date: a line holding only a date, after the last top-level heading; the line above it names
        // the unit when nothing before did
        int from = bodyStart;
        for (Section s : sections) if (s.isTopLevel()) from = s.getStart();
        LocalDate signed = null;
        String previous = null;
        String signer = null;
        for (Layout.Line l : Layout.lines(text)) {
            Deadline.check();
            Layout.Line tl = Layout.trim(text, l);
            if (tl.start() < from || tl.end() > contentEnd || tl.start() >= tl.end()) continue;
            String s = tl.of(text);
            Matcher a = SIGNED.matcher(s);
            Matcher c = SIGNED_CN.matcher(s);
            LocalDate d = null;
            if (a.matches()) {
                d = date(a.group(1), a.group(2), a.group(3));
            } else if (c.matches()) {
                d = date(c.group(1), c.group(2), c.group(3));
            }
            if (d != null) {
                signed = d;
                signer = previous != null && previous.length() <= 40 && BODY.matcher(previous).matches() ? previous : null;
            }
            previous = s;
        }
        if (issuer == null && signer != null) {
            issuer = signer;
            unit = UnitNames.unitOf(issuer);
        }
        return new Meta(title, titleSpan, issuer, unit, year, published, publishedSpan, signed);
    }

    /**
     * The year the headings name: the first top-level heading with a year, less one when that heading is the plan
     * standing after the shortcomings ("三、2025年工作打算" in an untitled report of 2024).
     */
    private static Integer headingsYear(List<Section> sections) {
        boolean afterShortcomings = false;
        for (Section s : sections) {
            if (!s.isTopLevel()) continue;
            Integer y = reportYear(s.getTitle());
            if (y != null) {
                boolean plan = s.getParts().contains(Part.NEXT_YEAR_PLAN) && !s.getParts().contains(Part.MEASURES_RESULTS);
                return afterShortcomings && plan ? y - 1 : y;
            }
            afterShortcomings |= s.getParts().contains(Part.SHORTCOMINGS);
        }
        return null;
    }

    /**
     * The line holding only a date just after the title (the rest of the title line, or one of the next three
     * lines, past blank lines and page chrome), matched; null when the report begins before one.
     */
    private static Matcher dateUnderTitle(String text, int titleEnd) {
        int seen = 0;
        for (Layout.Line l : Layout.lines(text)) {
            Deadline.check();
            if (l.end() < titleEnd) continue;
            Layout.Line t = Layout.trim(text, new Layout.Line(Math.max(l.start(), titleEnd), l.end()));
            if (t.start() >= t.end()) continue;
            String s = t.of(text);
            Matcher m = BARE_DATE.matcher(text).region(t.start(), t.end());
            if (t.end() - t.start() <= 40 && m.matches()) return m;
            if (++seen > 3 || !PageChrome.isChrome(s)) return null;
        }
        return null;
    }

    private static Integer firstYear(String s) {
        Matcher m = YEAR.matcher(s);
        if (!m.find()) return null;
        return m.group(1) != null ? Integer.valueOf(m.group(1)) : ChineseNumerals.whole(m.group(2).replace('○', '〇'));
    }

    /** The first year of s outside 《》 citations, 〔〕/[] document-number brackets and year ranges (2021—2025年). */
    static Integer reportYear(String s) {
        String blanked = CITED.matcher(s).replaceAll(" ");
        blanked = RANGE.matcher(blanked).replaceAll(" ");
        return firstYear(blanked);
    }

    /** The lines of the opening (between the title and the first heading) that are not page chrome. */
    private static List<String> openingLines(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        for (Layout.Line l : Layout.lines(text)) {
            Deadline.check();
            Layout.Line tl = Layout.trim(text, l);
            // clipped, not skipped: a report pasted without line breaks has its opening and first heading on one line
            int s0 = Math.max(tl.start(), from);
            int e0 = Math.min(tl.end(), to);
            if (s0 >= e0) continue;
            String s = text.substring(s0, e0).strip();
            if (!s.isEmpty() && !PageChrome.isChrome(s)) out.add(s);
        }
        return out;
    }

    /** 发布机构/发文机关, else a 来源 that names a body (来源：本站 names none). */
    private static String publisher(String text) {
        String source = null;
        Matcher m = PUBLISHER.matcher(text);
        while (m.find()) {
            Deadline.check();
            String v = m.group(2);
            if (m.group(1).matches(PageChrome.ISSUER_LABELS)) return v;
            if (source == null && BODY.matcher(v).matches()) source = v;
        }
        return source;
    }

    /** "2024年，郎溪县坚持…", "现将北京市石景山区人民政府2023年…报告如下": the unit the opening names. */
    private static String openingIssuer(List<String> opening) {
        for (String s : opening) {
            Matcher a = OPENING_PLACE.matcher(s);
            if (a.find()) return a.group(1);
            Matcher b = OPENING_XIANJIANG.matcher(s);
            if (b.find()) return b.group(1);
        }
        return null;
    }

    private static LocalDate date(String y, String m, String d) {
        return ChineseNumerals.date(y, m, d);
    }
}
