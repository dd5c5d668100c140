package tijian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 发文字号 in the text: 机关代字 + 〔year〕 + serial + 号.
 *
 * <p>Forms and defects (one defect per number, first that applies): "missing-brackets" (沙府办发202546号: the
 * year is the first four digits if 1990–2100, the rest the serial), "wrong-brackets" ([ ] （ ） ( ) 【 】 ［ ］ ﹝ ﹞
 * 〖 〗 instead of 〔 〕), "ordinal" (〔2025〕第46号), "leading-zero" (〔2025〕046号); null when well formed.
 *
 * <p>The 机关代字 is the run of 1–10 CJK characters before the year, with leading verbs such as 根据/按照/印发
 * dropped. Without brackets it must be at least two characters and end like an issuer code (发, 办, 函, 字, 令…),
 * which keeps out 渝ICP备19004061号 and 渝公网安备 50010602500861号.
 */
final class DocumentNumbers {
    private DocumentNumbers() {}

    private static final Pattern BRACKETED = Pattern.compile(
            "([\\u4e00-\\u9fff]{1,10})\\s?([〔\\[【（(［﹝〖])\\s?((?:19|20|21)\\d\\d)\\s?([〕\\]】）)］﹞〗])\\s?(第)?\\s?(\\d{1,5})\\s?号");
    private static final Pattern BARE = Pattern.compile(
            "([\\u4e00-\\u9fff]{2,10})((?:199|20\\d|2100)\\d{1,5})号");
    private static final String ISSUER_ENDINGS = "发函字令文通委办规电呈报复纪组宣任议决告审罚许党政";
    private static final List<String> LEADING = List.of(
            "根据", "依据", "按照", "依照", "对照", "参照", "印发", "转发", "详见", "发文字号", "文号", "执行", "贯彻",
            "落实", "通过", "结合", "见", "即", "的", "和", "及", "与", "以", "据", "按");

    static List<DocumentNumber> extract(String text) {
        List<DocumentNumber> out = new ArrayList<>();
        // Both patterns start with a run of CJK characters, which the regex engine would try at every CJK
        // character of the text; they are matched only around the places their fixed part (bracketed year, or a
        // year-like number right after CJK) can stand, with the same results.
        Matcher m = BRACKETED.matcher(text);
        int from = 0;
        for (int anchor = nextBracketedYear(text, 0); anchor >= 0; anchor = nextBracketedYear(text, anchor + 1)) {
            if (!findNear(m, text, from, anchor)) continue;
            from = m.end();
            Deadline.check();
            String issuerRun = m.group(1);
            int issuerStart = m.start(1);
            int cut = leadingCut(issuerRun);
            String issuer = issuerRun.substring(cut);
            int start = issuerStart + cut;
            boolean sixCorner = m.group(2).equals("〔") && m.group(4).equals("〕");
            String serialText = m.group(6);
            String defect = !sixCorner ? "wrong-brackets"
                    : m.group(5) != null ? "ordinal"
                    : serialText.length() > 1 && serialText.startsWith("0") ? "leading-zero"
                    : null;
            out.add(new DocumentNumber(text.substring(start, m.end()), issuer, Integer.parseInt(m.group(3)),
                    Integer.parseInt(serialText), defect, start, m.end()));
        }
        Matcher b = BARE.matcher(text);
        from = 0;
        for (int anchor = nextBareYear(text, 0); anchor >= 0; anchor = nextBareYear(text, anchor + 1)) {
            if (!findNear(b, text, from, anchor)) continue;
            from = b.end();
            String issuerRun = b.group(1);
            int cut = leadingCut(issuerRun);
            String issuer = issuerRun.substring(cut);
            if (issuer.length() < 2 || ISSUER_ENDINGS.indexOf(issuer.charAt(issuer.length() - 1)) < 0) continue;
            if (b.end() < text.length() && (text.charAt(b.end()) == '-' || Character.isDigit(text.charAt(b.end())))) {
                continue;
            }
            String digits = b.group(2);
            int year = Integer.parseInt(digits.substring(0, 4));
            if (year < 1990 || year > 2100) continue;
            int start = b.start(1) + cut;
            out.add(new DocumentNumber(text.substring(start, b.end()), issuer, year,
                    Integer.parseInt(digits.substring(4)), "missing-brackets", start, b.end()));
        }
        out.sort((x, y) -> Integer.compare(x.getStart(), y.getStart()));
        return out;
    }

    private static final String OPENING = "〔[【（(［﹝〖";
    /** Longest issuer run (10) plus the optional space before the bracket. */
    private static final int BEFORE = 11;
    /** Longer than any match after its anchor: bracket, year, bracket, 第, five digits, 号 and optional spaces. */
    private static final int AFTER = 32;

    /** The leftmost match starting at or after {@code from} whose fixed part is at or just after {@code anchor}. */
    private static boolean findNear(Matcher m, String text, int from, int anchor) {
        int start = Math.max(from, anchor - BEFORE);
        int end = Math.min(text.length(), anchor + AFTER);
        return start < end && m.region(start, end).find();
    }

    /** The next opening bracket at or after i followed (after one optional space) by a year 19xx, 20xx or 21xx. */
    private static int nextBracketedYear(String text, int i) {
        for (int k = i; k < text.length(); k++) {
            if (OPENING.indexOf(text.charAt(k)) >= 0) {
                int y = k + 1;
                if (y < text.length() && isRegexSpace(text.charAt(y))) y++;
                if (y + 4 <= text.length() && (text.startsWith("19", y) || text.startsWith("20", y) || text.startsWith("21", y))
                        && isDigit(text.charAt(y + 2)) && isDigit(text.charAt(y + 3))) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** The next 199x / 20xx / 2100 right after a CJK character, at or after i. */
    private static int nextBareYear(String text, int i) {
        for (int k = Math.max(i, 1); k + 4 <= text.length(); k++) {
            char c = text.charAt(k);
            if ((c == '1' || c == '2') && isCjk(text.charAt(k - 1))
                    && (text.startsWith("199", k) || text.startsWith("20", k) && isDigit(text.charAt(k + 2)) || text.startsWith("2100", k))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isCjk(char c) { return c >= '\u4e00' && c <= '\u9fff'; }

    /** What {@code \s} matches: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int leadingCut(String run) {
        int cut = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : LEADING) {
                if (run.startsWith(w, cut) && run.length() - cut - w.length() >= 2) {
                    cut += w.length();
                    changed = true;
                    break;
                }
            }
        }
        return cut;
    }
}
