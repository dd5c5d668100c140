package tijian.ingest;

import java.util.Locale;

/** Renders list counters in Word's number formats (ST_NumberFormat names). */
final class NumberFormats {

    private NumberFormats() {}

    private static final String DIGITS = "〇一二三四五六七八九";
    private static final String LEGAL = "零壹贰叁肆伍陆柒捌玖";
    private static final String TIANGAN = "甲乙丙丁戊己庚辛壬癸";
    private static final String DIZHI = "子丑寅卯辰巳午未申酉戌亥";
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    private static final String PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    private static final String FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";

    static String format(int n, String fmt) {
        if (fmt == null) return Integer.toString(n);
        switch (fmt) {
            case "none":
            case "bullet":
                return "";
            case "decimalZero":
                return n < 10 && n >= 0 ? "0" + n : Integer.toString(n);
            case "upperRoman":
                return roman(n);
            case "lowerRoman":
                return roman(n).toLowerCase(Locale.ROOT);
            case "upperLetter":
                return letters(n);
            case "lowerLetter":
                return letters(n).toLowerCase(Locale.ROOT);
            case "chineseCounting":
            case "chineseCountingThousand":
            case "japaneseCounting":
            case "taiwaneseCounting":
            case "taiwaneseCountingThousand":
            case "ideographLegalTraditional":
                return chinese(n, false);
            case "chineseLegalSimplified":
            case "japaneseLegal":
                return chinese(n, true);
            case "ideographDigital":
            case "taiwaneseDigital":
                return digitwise(n);
            case "ideographTraditional":
                return n >= 1 && n <= 10 ? String.valueOf(TIANGAN.charAt(n - 1)) : Integer.toString(n);
            case "ideographZodiac":
            case "ideographZodiacTraditional":
                return n >= 1 && n <= 12 ? String.valueOf(DIZHI.charAt(n - 1)) : Integer.toString(n);
            case "decimalEnclosedCircle":
            case "decimalEnclosedCircleChinese":
            case "ideographEnclosedCircle":
                return n >= 1 && n <= 20 ? String.valueOf(CIRCLED.charAt(n - 1)) : Integer.toString(n);
            case "decimalEnclosedParen":
                return n >= 1 && n <= 20 ? String.valueOf(PAREN.charAt(n - 1)) : "(" + n + ")";
            case "decimalEnclosedFullstop":
                return n >= 1 && n <= 20 ? String.valueOf(FULLSTOP.charAt(n - 1)) : n + ".";
            case "decimalFullWidth":
            case "decimalFullWidth2":
                return fullWidth(Integer.toString(n));
            default:
                return Integer.toString(n); // decimal, ordinal, cardinalText, ... and unknown formats
        }
    }

    /** MS-DOC list number format codes (nfc) mapped to ST_NumberFormat names, for .doc lists. */
    static String nameOfNfc(int nfc) {
        String[] names = {"decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText",
            "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha", "decimalFullWidth",
            "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle",
            "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet", "ganada", "chosung",
            "decimalEnclosedFullstop", "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle",
            "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting",
            "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting",
            "chineseLegalSimplified", "chineseCountingThousand"};
        if (nfc == 255) return "none";
        return nfc >= 0 && nfc < names.length ? names[nfc] : "decimal";
    }

    static String chinese(int n, boolean legal) {
        if (n <= 0 || n > 99_999) return Integer.toString(n);
        String d = legal ? LEGAL : DIGITS;
        String[] units = legal ? new String[] {"", "拾", "佰", "仟", "万"} : new String[] {"", "十", "百", "千", "万"};
        String s = Integer.toString(n);
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            int pos = s.length() - 1 - i;
            if (digit == 0) {
                zero = true;
                continue;
            }
            if (zero && sb.length() > 0) sb.append(legal ? '零' : '零');
            zero = false;
            // 10-19: "十一" rather than "一十一" (not for legal digits: 壹拾壹)
            if (!(digit == 1 && pos == 1 && i == 0 && !legal)) sb.append(d.charAt(digit));
            sb.append(units[pos]);
        }
        return sb.toString();
    }

    private static String digitwise(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) sb.append(c == '-' ? '-' : DIGITS.charAt(c - '0'));
        return sb.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        return sb.toString();
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) return Integer.toString(n);
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] r = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(r[i]); n -= v[i]; }
        return sb.toString();
    }

    /** Word style: A..Z, then AA..ZZ, AAA.. (repeated letter). */
    private static String letters(int n) {
        if (n <= 0) return Integer.toString(n);
        char c = (char) ('A' + (n - 1) % 26);
        return String.valueOf(c).repeat((n - 1) / 26 + 1);
    }
}
