package tijian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar years written as 19xx年 / 20xx年(度), in the report text only (from the title to the page footer; page
 * chrome such as "首页>…>2025年" is left out). Left out as well: years inside 《…》 citations, years of document
 * numbers (沙府办发〔2025〕46号 and 沙府办发202546号 have no 年 after the year), and both ends of year ranges
 * (2021—2025年, (2021－2025年), 2024年至2025年). Dates such as 2026年1月20日 in the text are kept: rules decide.
 */
final class YearMentions {
    private static final Pattern YEAR = Pattern.compile("(?<![0-9０-９])((?:19|20)\\d\\d)(?=年)");
    private static final Pattern RANGE = Pattern.compile(
            "(?<![0-9])(?:19|20)\\d\\d\\s*(?:年度|年)?\\s*[—–\\-－~～至到]{1,2}\\s*(?:19|20)\\d\\d(?:年度|年)?");

    private YearMentions() {}

    static List<YearMention> extract(String text, List<Section> sections, Span titleSpan) {
        // without a title, the report starts at its first line that is not page chrome ("发布时间：2025年3月20日")
        int from = titleSpan == null ? Layout.firstReportLine(text) : titleSpan.getStart();
        int to = Layout.contentEnd(text, titleSpan == null ? 0 : titleSpan.getEnd());
        List<int[]> ranges = new ArrayList<>();
        Matcher r = RANGE.matcher(text);
        while (r.find()) ranges.add(new int[] {r.start(), r.end()});
        List<int[]> citations = citationInsides(text);
        TextIndex index = new TextIndex(sections, List.of());

        List<YearMention> out = new ArrayList<>();
        Matcher m = YEAR.matcher(text).region(from, to);
        while (m.find()) {
            Deadline.check();
            int s = m.start(1);
            int e = m.end(1) + 1;
            if (e < text.length() && text.charAt(e) == '度') e++;
            if (inside(ranges, s) || inside(citations, s)) continue;
            Section containing = index.lastContaining(s);
            int section = containing == null ? -1 : containing.getIndex();
            boolean inHeading = titleSpan != null && s >= titleSpan.getStart() && s < titleSpan.getEnd()
                    || index.inHeading(s);
            out.add(new YearMention(Integer.parseInt(m.group(1)), s, e, section, inHeading));
        }
        return out;
    }

    /** True when p lies in one of the sorted, disjoint ranges [start, end). */
    private static boolean inside(List<int[]> ranges, int p) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = ranges.get(mid);
            if (p < r[0]) hi = mid - 1;
            else if (p >= r[1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /**
     * The insides of 《…》 pairs on one line with no other 《 or 》 between, in text order: a year there belongs to a
     * cited title. One pass over the text; looking back and forth from every year made long lines quadratic.
     */
    private static List<int[]> citationInsides(String text) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《') {
                open = i;
            } else if (c == '》') {
                if (open >= 0) out.add(new int[] {open + 1, i});
                open = -1;
            } else if (c == '\n' || c == '\r') {
                open = -1;
            }
        }
        return out;
    }
}
