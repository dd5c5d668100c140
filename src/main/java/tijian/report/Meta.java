package tijian.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title, unit, year and dates of a report.
 *
 * <ul>
 *   <li>title: the standalone title line nearest the body ("名称:" lines of the page are used only when there is no
 *   standalone one). In the two-line form, where the unit stands alone on the line before the 关于 line, the title
 *   is unit + 关于 line (joined without the line break) and titleSpan covers both lines, from the unit's first
 *   character to the 关于 line's last.</li>
 *   <li>issuer: the words before 关于 (or before the year) in the title, or the unit line; else the page's
 *   发布机构.</li>
 *   <li>unit: the issuer's first body, without 人民政府/办事处/党工委/党委 and, for 街道/镇/乡, without the
 *   province, city and district before it; for others only the leading 重庆市/北京市/上海市/天津市/…省.</li>
 *   <li>year: from the title, else from the first heading, else from the opening sentence.</li>
 *   <li>publishedOn: from 发布日期/发布时间, else 日期, else 成文日期/印发日期, else 生成日期 in the page chrome (outside
 *   the headed report text); publishedOnSpan covers the label and the date ("发布日期:2026-01-28").</li>
 *   <li>signedOn: the last line after the last top-level heading that holds only a date (2026年1月20日,
 *   二〇二六年一月二十日).</li>
 * </ul>
 */
record Meta(String title, Span titleSpan, String issuer, String unit, Integer year,
            LocalDate publishedOn, Span publishedOnSpan, LocalDate signedOn) {

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)\\d\\d)\\s*年");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?<!\\p{IsHan})(发布日期|发布时间|成文日期|印发日期|生成日期|日期)[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*"
                    + "(\\d{4})[ \\t]*(?:[-/.．]|年)[ \\t]*(\\d{1,2})[ \\t]*(?:[-/.．]|月)[ \\t]*(\\d{1,2})(?![0-9])(?:[ \\t]*日)?");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(?<!\\p{IsHan})发布机构[ \\t\\u3000]*[\\]】］]?[ \\t\\u3000]*[:：]?[ \\t\\u3000]*([^\\s\\[【]+)");
    private static final Pattern SIGNED = Pattern.compile("((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern SIGNED_CN = Pattern.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern SUFFIX = Pattern.compile("(人民政府|办事处|党工委|党委|政府)$");
    private static final Pattern PLACE_PREFIX = Pattern.compile("^(?:.{1,8}?省|.{1,6}?自治区|.{1,6}?市|.{1,8}?自治县|.{1,6}?县|.{1,6}?区|人民政府|政府)");
    private static final Pattern CITY_PREFIX = Pattern.compile("^(?:重庆市|北京市|上海市|天津市|.{1,8}?省)");

    static Meta extract(String text, List<Section> sections) {
        Layout.Title t = Layout.findTitle(text);
        String title = t == null ? null : t.text();
        Span titleSpan = t == null ? null : t.span();
        String issuer = t == null ? null : t.issuer();
        if (issuer == null) {
            Matcher m = PUBLISHER.matcher(text);
            if (m.find()) issuer = m.group(1);
        }
        String unit = unitOf(issuer);

        Integer year = null;
        if (title != null) year = firstYear(title);
        if (year == null) {
            for (Section s : sections) {
                if (!s.isTopLevel()) continue;
                year = firstYear(s.getTitle());
                break;
            }
        }
        int bodyStart = Layout.bodyStart(text, t);
        int contentEnd = Layout.contentEnd(text, bodyStart);
        if (year == null) {
            int openingEnd = sections.isEmpty() ? contentEnd : sections.get(0).getStart();
            for (Span s : Sentences.split(text.substring(bodyStart, openingEnd))) {
                year = firstYear(text.substring(bodyStart + s.getStart(), bodyStart + s.getEnd()));
                if (year != null) break;
            }
        }

        // publication date: page chrome only, i.e. outside the headed report text
        int reportFrom = sections.isEmpty() ? contentEnd : sections.get(0).getStart();
        LocalDate published = null;
        Span publishedSpan = null;
        int best = Integer.MAX_VALUE;
        Matcher m = PUBLISHED.matcher(text);
        while (m.find()) {
            if (m.start() >= reportFrom && m.start() < contentEnd) continue;
            int rank = switch (m.group(1)) {
                case "发布日期", "发布时间" -> 0;
                case "日期" -> 1;
                case "成文日期", "印发日期" -> 2;
                default -> 3;
            };
            LocalDate d = date(m.group(2), m.group(3), m.group(4));
            if (d != null && rank < best) {
                best = rank;
                published = d;
                publishedSpan = new Span(m.start(), m.end());
            }
        }

        // signature date: a line holding only a date, after the last top-level heading
        int from = bodyStart;
        for (Section s : sections) if (s.isTopLevel()) from = s.getStart();
        LocalDate signed = null;
        for (Layout.Line l : Layout.lines(text)) {
            Layout.Line tl = Layout.trim(text, l);
            if (tl.start() < from || tl.end() > contentEnd || tl.start() >= tl.end()) continue;
            String s = tl.of(text);
            Matcher a = SIGNED.matcher(s);
            Matcher c = SIGNED_CN.matcher(s);
            if (a.matches()) {
                LocalDate d = date(a.group(1), a.group(2), a.group(3));
                if (d != null) signed = d;
            } else if (c.matches()) {
                LocalDate d = chineseDate(c.group(1), c.group(2), c.group(3));
                if (d != null) signed = d;
            }
        }
        return new Meta(title, titleSpan, issuer, unit, year, published, publishedSpan, signed);
    }

    private static Integer firstYear(String s) {
        Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** "重庆市綦江区关坝镇人民政府" → "关坝镇"; "沙坪坝街道党工委、沙坪坝街道办事处" → "沙坪坝街道"; "重庆市沙坪坝区司法局" → "沙坪坝区司法局". */
    static String unitOf(String issuer) {
        if (issuer == null || issuer.isBlank()) return null;
        // 和/及/与 join co-issuers only right after a body's name ("XX镇党委和XX镇人民政府"); elsewhere they are part of
        // a place name (人和街道, 和平镇).
        String u = issuer.split("[、，,/\\s]+|(?<=党委|党工委|工委|政府|办事处|委员会)[和及与]")[0].strip();
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
            Matcher p = CITY_PREFIX.matcher(u);
            if (p.find() && u.length() - p.end() >= 2) u = u.substring(p.end());
        }
        return u;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate chineseDate(String y, String m, String d) {
        StringBuilder year = new StringBuilder();
        for (char c : y.toCharArray()) year.append("〇○零".indexOf(c) >= 0 ? 0 : "一二三四五六七八九".indexOf(c) + 1);
        try {
            return LocalDate.of(Integer.parseInt(year.toString()), HeadingParser.chineseNumber(m), HeadingParser.chineseNumber(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
