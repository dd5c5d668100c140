package tijian.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurable commitments of the next-year plan: every metric inside a section whose parts include
 * {@link Part#NEXT_YEAR_PLAN} (heading through {@link Section#getBodyEnd()}).
 *
 * <p>Plan year: the first 20XX年 in that section's heading or body, else 0. Nested plan sections take the year of the
 * outermost one; each metric becomes at most one target.
 *
 * <p>Past figures are left out (kept simple): a metric whose clause (back to the previous ，。；！？ or line break)
 * names a year before the plan year, or says 去年, 上年, 上一年, 以来, 截至/截止, 已累计, 已完成, 已建成.
 */
final class Targets {
    private Targets() {}

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)\\s*年");
    private static final List<String> PAST_MARKERS = List.of(
            "去年", "上年", "上一年", "以来", "截至", "截止", "已累计", "已完成", "已建成", "已实现", "今年");

    static List<Target> extract(String text, List<Section> sections, List<Metric> metrics) {
        List<Target> out = new ArrayList<>();
        Map<Metric, Boolean> taken = new IdentityHashMap<>();
        for (Section s : sections) {
            if (!s.getParts().contains(Part.NEXT_YEAR_PLAN)) continue;
            int from = s.getStart();
            int to = Math.min(text.length(), Math.max(s.getBodyEnd(), s.getEnd()));
            int year = planYear(text, from, to);
            // metrics are in text order: start at the first one inside the section instead of walking all of them
            for (int k = firstAtOrAfter(metrics, from); k < metrics.size() && metrics.get(k).getStart() < to; k++) {
                Metric m = metrics.get(k);
                if (m.getEnd() > to || taken.containsKey(m)) continue;
                if (isPast(text, m, year)) continue;
                taken.put(m, Boolean.TRUE);
                out.add(new Target(m, year));
            }
        }
        out.sort((a, b) -> Integer.compare(a.getStart(), b.getStart()));
        return out;
    }

    private static int firstAtOrAfter(List<Metric> metrics, int offset) {
        int lo = 0;
        int hi = metrics.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (metrics.get(mid).getStart() < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static int planYear(String text, int from, int to) {
        Matcher y = YEAR.matcher(text).region(from, to);
        return y.find() ? Integer.parseInt(y.group(1)) : 0;
    }

    /** True when the clause before the figure is plainly about the past. */
    static boolean isPast(String text, Metric m, int planYear) {
        int k = m.getStart();
        while (k > 0 && "，,。；;！!？?\n".indexOf(text.charAt(k - 1)) < 0) k--;
        String clause = text.substring(k, m.getEnd());
        for (String w : PAST_MARKERS) {
            if (clause.contains(w)) return true;
        }
        if (planYear > 0) {
            Matcher y = YEAR.matcher(clause);
            while (y.find()) {
                if (Integer.parseInt(y.group(1)) < planYear) return true;
            }
        }
        return false;
    }
}
