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
        Matcher m = BRACKETED.matcher(text);
        while (m.find()) {
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
        while (b.find()) {
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
