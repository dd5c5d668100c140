package tijian.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tijian.report.Metric;

/**
 * Small helpers that rules need. In a .drl: {@code import function tijian.rules.RuleFunctions.num;}
 * Rule code may not loop (the rule sandbox refuses it, so that every check ends); whatever needs a loop lives here,
 * in trusted code with its own tests.
 */
public final class RuleFunctions {
    private RuleFunctions() {}

    /** True when the text contains any of the words (the words of a {@link TermList}). */
    public static boolean containsAny(String text, Collection<?> words) {
        if (text == null) {
            return false;
        }
        for (Object w : words) {
            if (text.contains(w.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A regular expression matching any of the words literally, for {@code report.find(...)}; matches nothing for none. */
    public static String anyOf(Collection<?> words) {
        StringBuilder regex = new StringBuilder();
        for (Object w : words) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append(Pattern.quote(w.toString()));
        }
        return regex.length() == 0 ? "(?!)" : regex.toString();
    }

    /** A figure as a reader writes it: 100.0 → "100", 97.5 → "97.5", 27.3109 → "27.31". */
    public static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19|20)\\d\\d(?![0-9])");

    /**
     * Of several canonical titles with the same core (two editions of 《法治政府建设实施纲要》), the one whose years are
     * nearest to the years the citation names (each cited year counts its distance to the candidate's nearest year), so
     * a miscited （2022—2025年） is advised to become （2021－2025年）, not （2015－2020年）; the first candidate on a
     * tie or when the citation names no year.
     */
    public static CanonicalTitle closestTitle(String cited, List<?> candidates) {
        List<Integer> years = years(cited);
        CanonicalTitle best = (CanonicalTitle) candidates.get(0);
        if (years.isEmpty()) return best;
        long bestDistance = Long.MAX_VALUE;
        for (Object o : candidates) {
            CanonicalTitle t = (CanonicalTitle) o;
            List<Integer> own = years(t.getTitle());
            if (own.isEmpty()) continue;
            long distance = 0;
            for (int y : years) {
                int nearest = Integer.MAX_VALUE;
                for (int z : own) nearest = Math.min(nearest, Math.abs(y - z));
                distance += nearest;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = t;
            }
        }
        return best;
    }

    private static List<Integer> years(String s) {
        List<Integer> out = new ArrayList<>();
        Matcher m = YEAR.matcher(s);
        while (m.find()) out.add(Integer.parseInt(m.group()));
        return out;
    }

    /**
     * True when a figure as written names a change ("增长150%", "同比增长率"): one of the growth words occurs in it and is
     * not followed by 至/到 ("提升至120%" names a level, not a change).
     */
    public static boolean namesGrowth(String raw, Collection<?> growthWords) {
        for (Object o : growthWords) {
            String w = o.toString();
            int i = raw.indexOf(w);
            while (i >= 0) {
                int after = i + w.length();
                if (after >= raw.length() || "至到".indexOf(raw.charAt(after)) < 0) {
                    return true;
                }
                i = raw.indexOf(w, i + 1);
            }
        }
        return false;
    }

    /** The parts of a breakdown as a sum a reader can check: "114+96+279". */
    public static String sumOf(List<Metric> parts) {
        StringBuilder sum = new StringBuilder();
        for (Metric p : parts) {
            if (sum.length() > 0) {
                sum.append('+');
            }
            sum.append(num(p.getValue()));
        }
        return sum.toString();
    }

    /** The day a deadline falls on: "04-01" for a 2025 report is 2026-04-01 (deadlines fall in the following year). */
    public static java.time.LocalDate deadline(int reportYear, String monthDay) {
        return java.time.MonthDay.parse("--" + monthDay.trim()).atYear(reportYear + 1);
    }

    /** Whether a date falls before the deadline {@code monthDay} of the year after {@code reportYear}. */
    public static boolean before(java.time.LocalDate date, int reportYear, String monthDay) {
        return date.isBefore(deadline(reportYear, monthDay));
    }

    /** Whether a report of {@code reportYear} dated {@code date} was written in the year after it, before the deadline. */
    public static boolean inReportingWindow(java.time.LocalDate date, int reportYear, String monthDay) {
        return date.getYear() > reportYear && before(date, reportYear, monthDay);
    }

    /** A date as a clerk writes it: 2026年3月1日. */
    public static String day(java.time.LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
