package tijian.report;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads numbers written with Chinese numerals, Arabic digits or a mix of both: 两, 十二, 二十五, 一百零五, 五万,
 * 3.5万, 1.2亿, 5万, 一万五 (15000), 二〇二五 (digit by digit); and dates written with them (2026年1月20日,
 * 二〇二六年一月二十日). The one reader of Chinese numerals in the service. Plain Java, no state.
 */
public final class ChineseNumerals {
    private ChineseNumerals() {}

    /** The characters that may make up a Chinese numeral. */
    public static final String CHARS = "零〇一二两三四五六七八九十百千万亿";

    /** True for 零〇一二两三四五六七八九十百千万亿. */
    public static boolean isNumeralChar(char c) {
        return CHARS.indexOf(c) >= 0;
    }

    /** The digit 0–9 a Chinese digit character stands for, or -1 (also -1 for 十百千万亿). */
    public static int digit(char c) {
        switch (c) {
            case '零': case '〇': return 0;
            case '一': return 1;
            case '二': case '两': return 2;
            case '三': return 3;
            case '四': return 4;
            case '五': return 5;
            case '六': return 6;
            case '七': return 7;
            case '八': return 8;
            case '九': return 9;
            default: return -1;
        }
    }

    private static long multiplier(char c) {
        switch (c) {
            case '十': return 10;
            case '百': return 100;
            case '千': return 1000;
            case '万': return 10_000;
            case '亿': return 100_000_000;
            default: return 0;
        }
    }

    /**
     * The value of {@code s}, or null when {@code s} is not (entirely) a numeral. A lone multiplier other than 十
     * ("万", "百") is not a numeral; "十" is 10. Full-width digits are accepted.
     */
    public static Double parse(String s) {
        if (s == null) return null;
        s = s.strip();
        if (s.isEmpty()) return null;
        StringBuilder norm = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') c = (char) ('0' + (c - '０'));
            else if (c == '．') c = '.';
            norm.append(c);
        }
        s = norm.toString();
        // Arabic prefix, then only 十百千万亿 multipliers: 5万, 3.5万, 1.2亿, 2千
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '.')) i++;
        if (i > 0) {
            String num = s.substring(0, i);
            if (!num.matches("\\d+(\\.\\d+)?")) return null;
            double v = Double.parseDouble(num);
            for (int k = i; k < s.length(); k++) {
                long m = multiplier(s.charAt(k));
                if (m == 0) return null;
                v *= m;
            }
            return v;
        }
        for (int k = 0; k < s.length(); k++) {
            if (!isNumeralChar(s.charAt(k))) return null;
        }
        char first = s.charAt(0);
        if (multiplier(first) > 0 && first != '十') return null;
        // digit by digit (二〇二五): only digits, more than one
        boolean allDigits = s.chars().allMatch(c -> digit((char) c) >= 0);
        if (allDigits) {
            if (s.length() == 1) return (double) digit(first);
            if (s.indexOf('两') >= 0) return null;
            double v = 0;
            for (char c : s.toCharArray()) v = v * 10 + digit(c);
            return v;
        }
        double total = 0;      // finished 亿 groups
        double wan = 0;        // finished 万 groups below 亿
        double current = 0;    // below 万
        Integer pending = null;
        long lastMult = 0;     // for 一百五 = 150, 一万五 = 15000
        boolean zeroSeen = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            int d = digit(c);
            if (d >= 0) {
                if (pending != null && pending != 0) return null; // 二五 inside a positional numeral
                if (d == 0) zeroSeen = true;
                pending = d;
                continue;
            }
            long m = multiplier(c);
            if (m < 10_000) {
                if (pending == null && m != 10) return null;      // 百 without a digit (except 十)
                if (pending == null && current % 100 != 0 && m == 10) return null;
                current += (pending == null ? 1 : pending) * m;
                pending = null;
                lastMult = m;
                zeroSeen = false;
            } else if (m == 10_000) {
                double group = current + (pending == null ? 0 : pending);
                if (group == 0) return null;
                wan += group * 10_000;
                current = 0;
                pending = null;
                lastMult = m;
                zeroSeen = false;
            } else {
                double group = wan + current + (pending == null ? 0 : pending);
                if (group == 0) return null;
                total += group * 100_000_000;
                wan = 0;
                current = 0;
                pending = null;
                lastMult = m;
                zeroSeen = false;
            }
        }
        double tail = 0;
        if (pending != null) {
            // 一百五 = 150, 一万五 = 15000, but 一百零五 = 105 and 十五 = 15
            tail = (!zeroSeen && lastMult >= 100) ? pending * (lastMult / 10.0) : pending;
        }
        return total + wan + current + tail;
    }

    /** The whole number {@code s} stands for (十二, 二十三, 二〇二六, 12), or null when it is no whole number. */
    public static Integer whole(String s) {
        Double v = parse(s);
        return v == null || v != Math.rint(v) || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /**
     * The date of a year, month and day each written in Arabic digits or Chinese numerals ("2026", "1", "20" or
     * "二〇二六", "一", "二十"); a year's ○ (a circle typed for 〇) counts as 〇. Null when there is no such date.
     */
    public static LocalDate date(String year, String month, String day) {
        Integer y = whole(year.replace('○', '〇'));
        Integer m = whole(month);
        Integer d = whole(day);
        if (y == null || m == null || d == null) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
