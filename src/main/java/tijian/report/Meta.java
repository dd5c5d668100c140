package tijian.report;

import java.time.DateTimeException;
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
 *   standalone one); page chrome ({@link PageChrome}) is never a title. In the two-line form, where the unit stands
 *   alone on the line before the 关于 line, the title is unit + 关于 line (joined without the line break) and
 *   titleSpan covers both lines, from the unit's first character to the 关于 line's last; a title broken after
 *   关于…年度 is joined the same way. A trailing date or 来源 fragment is not part of the title.</li>
 *   <li>issuer: the words before 关于 (or before the year, or between the year and 法治…, or between 关于 and the
 *   year) in the title, or the unit line; else the page's 发布机构/发文机关, else a 来源 naming a body; else the
 *   opening sentence ("2024年，郎溪县…", "现将…人民政府2023年…报告如下"); else the line above the signature date.</li>
 *   <li>unit: the issuer's government (of a joint party-and-government report, the place, not the 县委), without
 *   人民政府/办事处/党工委/党委 and, for 街道/镇/乡, without the province, city and district before it; for others
 *   the leading 重庆市/北京市/上海市/天津市/…省 only when a smaller place follows it (沙坪坝区司法局, but 江苏省司法厅
 *   and 上海市司法局 keep their region).</li>
 *   <li>year: from the title, else the opening (between title and first heading, chrome left out), else the first
 *   heading; never a year inside 《》, a 〔〕 document number or a year range.</li>
 *   <li>publishedOn: from 发布日期/发布时间, else 日期/时间 or a bare date just after the title, else 更新时间, else
 *   成文日期/印发日期, else 生成日期 in the page chrome (outside the headed report text); publishedOnSpan covers the
 *   label and the date ("发布日期:2026-01-28"), or the bare date.</li>
 *   <li>signedOn: the last line after the last top-level heading that holds only a date (2026年1月20日,
 *   二〇二六年一月二十日).</li>
 * </ul>
 */
record Meta(String title, Span titleSpan, String issuer, String unit, Integer year,
            LocalDate publishedOn, Span publishedOnSpan, LocalDate signedOn) {

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)\\d\\d)\\s*年");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?<!\\p{IsHan})(发布日期|发布时间|更新时间|成文日期|印发日期|生成日期|日期|时间)[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*"
                    + "(\\d{4})[ \\t]*(?:[-/.．]|年)[ \\t]*(\\d{1,2})[ \\t]*(?:[-/.．]|月)[ \\t]*(\\d{1,2})(?![0-9])(?:[ \\t]*日)?");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(?<!\\p{IsHan})(发布机构|发文机关|来源|信息来源|文章来源)[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*([^\\s\\[【]+)");
    /** A 来源 value that names a body rather than a web site or a newspaper. */
    private static final Pattern BODY = Pattern.compile(
            "\\p{IsHan}{2,40}(人民政府|政府|办公厅|办公室|办事处|街道|镇|乡|局|厅|委员会|委|党工委|党委|管委会)");
    /** A title's own date, just after it: "(2024-02-26)", "（2024年2月26日）", on the title line or the next. */
    private static final Pattern TITLE_DATE = Pattern.compile(
            "[ \\t\\u3000]*(?:\\r?\\n[ \\t\\u3000]*){0,2}[(（]?[ \\t]*((?:19|20)\\d\\d)[ \\t]*(?:[-/.．]|年)[ \\t]*(\\d{1,2})[ \\t]*(?:[-/.．]|月)[ \\t]*(\\d{1,2})[ \\t]*日?[ \\t]*[)）]?[ \\t\\u3000]*(?:\\r?\\n|$)");
    /** 《…》 citations and 〔…〕/[…] document-number brackets: their years are not the report's. */
    private static final Pattern CITED = Pattern.compile("《[^《》\\n]*》|[〔\\[［【][^〔〕\\]］】\\n]{0,12}[〕\\]］】]");
    private static final Pattern RANGE = Pattern.compile(
            "(?<![0-9])(?:19|20)\\d\\d\\s*(?:年度|年)?\\s*[—–\\-－~～至到]{1,2}\\s*(?:19|20)\\d\\d(?:年度|年)?");
    /** The opening names the place after its year: "2024年，郎溪县坚持…" (not 我镇, 全县, 本局). */
    private static final Pattern OPENING_PLACE = Pattern.compile(
            "^(?:19|20)\\d\\d\\s*年度?(?:以来)?\\s*[,，]?\\s*((?:中共)?(?:[\\p{IsHan}&&[^的在和与及是为以了我本全各这该市区县镇乡]]{1,12}?"
                    + "(?:自治县|自治州|自治区|街道|省|市|区|县|旗|乡|镇))+(?:人民政府|政府|办事处)?)");
    private static final Pattern OPENING_XIANJIANG = Pattern.compile("现将(\\p{IsHan}{2,40}?)(?:关于)?(?:19|20)\\d\\d\\s*年");
    private static final Pattern SIGNED = Pattern.compile("((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern SIGNED_CN = Pattern.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern SUFFIX = Pattern.compile("(人民政府|办事处|党工委|党委|政府)$");
    private static final Pattern PLACE_PREFIX = Pattern.compile("^(?:.{1,8}?省|.{1,6}?自治区|.{1,6}?市|.{1,8}?自治县|.{1,6}?县|.{1,6}?区|人民政府|政府)");
    private static final Pattern GOVERNMENT = Pattern.compile("(人民政府|政府|办事处)$");
    /** A place below a province or municipality at the start of a name (not 城市管理局, 社区…, 园区…). */
    private static final Pattern SMALLER_PLACE = Pattern.compile(
            "^\\p{IsHan}{1,10}?(?<![社园景小片城校])(?:自治州|自治县|地区|新区|市|区|县|州|盟|旗)");
    private static final Pattern CITY_PREFIX = Pattern.compile("^(?:重庆市|北京市|上海市|天津市|.{1,8}?省)");

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
        String unit = unitOf(issuer);

        // year: title, then opening sentence, then headings; never a citation's or a document number's
        Integer year = null;
        if (title != null) year = reportYear(title);
        for (int i = 0; year == null && i < opening.size(); i++) year = reportYear(opening.get(i));
        if (year == null) {
            for (Section s : sections) {
                if (!s.isTopLevel()) continue;
                year = reportYear(s.getTitle());
                break;
            }
        }

        // publication date: page chrome only, i.e. outside the headed report text
        int reportFrom = sections.isEmpty() ? contentEnd : sections.get(0).getStart();
        LocalDate published = null;
        Span publishedSpan = null;
        int best = Integer.MAX_VALUE;
        Matcher m = PUBLISHED.matcher(text);
        while (m.find()) {
            Deadline.check();
            if (m.start() >= reportFrom && m.start() < contentEnd) continue;
            int rank = switch (m.group(1)) {
                case "发布日期", "发布时间" -> 0;
                case "日期", "时间" -> 1;
                case "更新时间" -> 2;
                case "成文日期", "印发日期" -> 3;
                default -> 4;
            };
            LocalDate d = date(m.group(2), m.group(3), m.group(4));
            if (d != null && rank < best) {
                best = rank;
                published = d;
                publishedSpan = new Span(m.start(), m.end());
            }
        }
        // a bare date just after the title ("…情况报告(2024-02-26)", or on the next line) is the title's date
        if (titleSpan != null && best > 1) {
            Matcher b = TITLE_DATE.matcher(text).region(titleSpan.getEnd(), text.length());
            if (b.lookingAt()) {
                LocalDate d = date(b.group(1), b.group(2), b.group(3));
                if (d != null) {
                    published = d;
                    publishedSpan = new Span(b.start(1), b.end(3));
                }
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
                d = chineseDate(c.group(1), c.group(2), c.group(3));
            }
            if (d != null) {
                signed = d;
                signer = previous != null && previous.length() <= 40 && BODY.matcher(previous).matches() ? previous : null;
            }
            previous = s;
        }
        if (issuer == null && signer != null) {
            issuer = signer;
            unit = unitOf(issuer);
        }
        return new Meta(title, titleSpan, issuer, unit, year, published, publishedSpan, signed);
    }

    private static Integer firstYear(String s) {
        Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
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
            if (m.group(1).equals("发布机构") || m.group(1).equals("发文机关")) return v;
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

    /** "重庆市綦江区关坝镇人民政府" → "关坝镇"; "沙坪坝街道党工委、沙坪坝街道办事处" → "沙坪坝街道"; "重庆市沙坪坝区司法局" → "沙坪坝区司法局". */
    static String unitOf(String issuer) {
        if (issuer == null || issuer.isBlank()) return null;
        // 和/及/与 join co-issuers only right after a body's name ("XX镇党委和XX镇人民政府"); elsewhere they are part of
        // a place name (人和街道, 和平镇). A party committee may run straight into the government ("中共浚县县委浚县人民政府").
        String[] issuers = issuer.split("[、，,/\\s]+|(?<=党委|党工委|工委|政府|办事处|委员会)[和及与]"
                + "|(?<=党委|党工委|工委|县委|市委|区委|州委|旗委|省委)(?=\\p{IsHan}{2,30}(?:人民政府|政府|办事处)$)");
        // a joint party-and-government report is the place's: take the government, not the party committee
        String u = issuers[0].strip();
        for (String i : issuers) {
            if (GOVERNMENT.matcher(i.strip()).find()) {
                u = i.strip();
                break;
            }
        }
        if (u.startsWith("中共") && u.length() > 4) u = u.substring(2);
        String before;
        do {
            before = u;
            Matcher s = SUFFIX.matcher(u);
            if (s.find() && s.start() >= 2) u = u.substring(0, s.start());
        } while (!u.equals(before));
        if (u.matches(".*(街道|镇|乡)")) {
            do {
                before = u;
                Matcher p = PLACE_PREFIX.matcher(u);
                if (p.find() && u.length() - p.end() >= 2 && u.substring(p.end()).matches(".+(街道|镇|乡)")) {
                    u = u.substring(p.end());
                }
            } while (!u.equals(before));
        } else {
            // the province or municipality goes only when a smaller place follows (重庆市沙坪坝区司法局 → 沙坪坝区司法局);
            // its own departments keep it (江苏省司法厅, 上海市司法局, 广东省市场监督管理局)
            Matcher p = CITY_PREFIX.matcher(u);
            if (p.find() && u.length() - p.end() >= 2 && SMALLER_PLACE.matcher(u.substring(p.end())).find()) {
                u = u.substring(p.end());
            }
        }
        return u;
    }

    static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static LocalDate chineseDate(String y, String m, String d) {
        StringBuilder year = new StringBuilder();
        for (char c : y.toCharArray()) year.append("〇○零".indexOf(c) >= 0 ? 0 : "一二三四五六七八九".indexOf(c) + 1);
        try {
            return LocalDate.of(Integer.parseInt(year.toString()), HeadingParser.chineseNumber(m), HeadingParser.chineseNumber(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
