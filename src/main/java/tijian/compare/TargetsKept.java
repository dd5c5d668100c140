package tijian.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tijian.report.Bound;
import tijian.report.Metric;
import tijian.report.Part;
import tijian.report.Report;
import tijian.report.Section;
import tijian.report.Target;

/**
 * Last year's measurable targets against this year's stated results.
 *
 * <p>Labels are compared as the metric extractor left them (fillers such as 全年, 共, 保持在, 提升至 already gone), after
 * dropping the plan's own verbs (实现, 确保, 力争…) that a result does not repeat and a period (每月) that sets how the
 * target's figure scales to a year. A candidate must have the target's unit (a rate for a rate, 次 for 次); its
 * label decides how sure the match is: the same label is certain, one label inside the other is likely (化解率 in
 * 矛盾纠纷化解率), labels that only share words (学法覆盖率, 普法覆盖率) are weak. The candidates are the figures outside
 * this report's plan and 不足 parts: results are stated in the measures part, and often in the 第一责任人 part too.
 */
public final class TargetsKept {
    private TargetsKept() {}

    /** Below this a figure does not even resemble the target: the target counts as not reported. */
    static final double CANDIDATE_FLOOR = 0.35;

    private static final List<String> PLAN_VERBS = List.of("实现", "确保", "力争", "争取", "推动", "达到", "完成");
    /** Periods a target may be set per, and how many of them make a year. */
    private static final List<String> PERIODS = List.of("每周", "每月", "每季度", "每半年", "每年");
    private static final int[] PER_YEAR = {52, 12, 4, 2, 1};
    /** Words before a target's figure that make it a ceiling: lower results are better. */
    private static final List<String> CEILINGS = List.of("下降到", "下降至", "降低到", "降低至", "减少到", "减少至", "控制在",
            "不超过", "不高于", "以内", "以下");

    public static List<TargetKept> match(Report report, PreviousReport previous, String label) {
        List<Metric> candidates = results(report);
        List<TargetKept> out = new ArrayList<>();
        for (Target target : previous.report().getTargets()) {
            out.add(match(target, previous, label, candidates));
        }
        return out;
    }

    private static TargetKept match(Target target, PreviousReport previous, String label, List<Metric> candidates) {
        Metric goal = target.getMetric();
        Label want = Label.of(goal.getLabel());
        String quote = clause(previous.report().getText(), goal.getStart(), goal.getEnd());
        Metric best = null;
        double bestConfidence = 0;
        for (Metric m : candidates) {
            if (!sameUnit(goal, m)) continue;
            double c = confidence(want.words(), Label.of(m.getLabel()).words());
            if (c > bestConfidence) {
                best = m;
                bestConfidence = c;
            }
        }
        if (best == null || bestConfidence < CANDIDATE_FLOOR) {
            return new TargetKept(goal.getLabel(), goal.getRaw(), "", TargetKept.Outcome.NOT_REPORTED, 0,
                    Counterpart.alone(previous.checkId(), label, quote));
        }
        Label got = Label.of(best.getLabel());
        // a count per period scales to the result's period (每月不少于2次 is 24次 a year); a rate does not add up
        double wanted = goal.isRate() ? goal.getValue() : goal.getValue() * want.perYear() / got.perYear();
        boolean met = ceiling(goal) ? best.getValue() <= wanted + 1e-9 : reaches(best, wanted);
        return new TargetKept(goal.getLabel(), goal.getRaw(), best.getRaw(),
                met ? TargetKept.Outcome.MET : TargetKept.Outcome.MISSED, Math.round(bestConfidence * 100) / 100.0,
                new Counterpart(best.getStart(), best.getEnd(), previous.checkId(), label, quote));
    }

    /** 不少于200件 is reached by 213件; 200余件 (more than 200) by a target of 200 too. */
    private static boolean reaches(Metric result, double wanted) {
        return result.getValue() >= wanted - 1e-9
                || result.getComparator() == Bound.MORE_THAN && result.getValue() >= wanted - 1;
    }

    private static boolean ceiling(Metric goal) {
        if (goal.getComparator() == Bound.AT_MOST) {
            return true;
        }
        for (String w : CEILINGS) {
            if (goal.getRaw().contains(w)) return true;
        }
        return false;
    }

    private static boolean sameUnit(Metric a, Metric b) {
        return a.isRate() ? b.isRate() : !b.isRate() && a.getUnit().equals(b.getUnit());
    }

    /**
     * 1 for the same words; one label inside the other from 0.6 (a short label in a long one) up; otherwise the
     * bigram likeness, discounted because a different qualifier usually means a different measure.
     */
    static double confidence(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        if (a.equals(b)) return 1;
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (longer.contains(shorter) && shorter.length() >= 2) {
            return 0.6 + 0.4 * shorter.length() / longer.length();
        }
        return 0.7 * Bigrams.dice(Bigrams.of(a), Bigrams.of(b));
    }

    /** A label without the plan's verbs and its period; {@code perYear} is how often the period fits in a year. */
    private record Label(String words, int perYear) {
        static Label of(String raw) {
            String s = Bigrams.normalise(raw.replace("“", "").replace("”", ""));
            int perYear = 1;
            for (int i = 0; i < PERIODS.size(); i++) {
                int at = s.indexOf(PERIODS.get(i));
                if (at >= 0) {
                    perYear = PER_YEAR[i];
                    s = s.substring(0, at) + s.substring(at + PERIODS.get(i).length());
                    break;
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String v : PLAN_VERBS) {
                    if (s.startsWith(v) && s.length() > v.length() + 1) {
                        s = s.substring(v.length());
                        changed = true;
                    }
                }
            }
            return new Label(s, perYear);
        }
    }

    /** The figures of this report that state results: not in its plan, not in its 不足 part, not a target. */
    private static List<Metric> results(Report report) {
        List<Section> excluded = report.getSections().stream()
                .filter(s -> s.getParts().contains(Part.NEXT_YEAR_PLAN) || s.getParts().contains(Part.SHORTCOMINGS))
                .toList();
        Set<Integer> targetStarts = new HashSet<>();
        report.getTargets().forEach(t -> targetStarts.add(t.getStart()));
        List<Metric> out = new ArrayList<>();
        for (Metric m : report.getMetrics()) {
            if (targetStarts.contains(m.getStart())) continue;
            if (excluded.stream().anyMatch(s -> m.getStart() >= s.getStart() && m.getEnd() <= Math.max(s.getBodyEnd(), s.getEnd()))) continue;
            out.add(m);
        }
        return out;
    }

    /** The clause a figure stands in (between ，。；and line ends), so that the quote says what the figure counts. */
    static String clause(String text, int start, int end) {
        int from = start;
        while (from > 0 && "，,。；;！!？?\n".indexOf(text.charAt(from - 1)) < 0 && start - from < 60) from--;
        int to = end;
        while (to < text.length() && "，,。；;！!？?\n".indexOf(text.charAt(to)) < 0 && to - end < 60) to++;
        return text.substring(from, to).strip();
    }
}
