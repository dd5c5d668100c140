package tijian.compare;

import java.util.ArrayList;
import java.util.List;

import tijian.report.Report;

/** The facts a report's comparison with its companions gives the rules (continuity, originality). */
public final class Comparisons {
    private Comparisons() {}

    public static List<Object> facts(Report report, Companions companions) {
        return facts(report, IndexedReport.of(report), companions);
    }

    /** As {@link #facts(Report, Companions)}, with the report's sentences already indexed (a check stores them too). */
    public static List<Object> facts(Report report, IndexedReport passages, Companions companions) {
        List<Object> facts = new ArrayList<>();
        PreviousReport previous = companions.previous();
        if (previous != null && !sameText(report, previous.report())) {
            String label = label(previous.report());
            facts.add(new PreviousYear(previous.checkId(), label, previous.report().getYear(),
                    previous.report().getTargets().size()));
            facts.addAll(TargetsKept.match(report, previous, label));
            facts.addAll(RepeatedShortcomings.find(report, previous, label));
        }
        facts.addAll(CopiedPassages.facts(passages, companions.corpus(), companions.othersNamed()));
        return facts;
    }

    /** How a reader knows last year's report: 2024年报告, or 上一年度报告 when it names no year. */
    static String label(Report previous) {
        return previous.getYear() == null ? "上一年度报告" : previous.getYear() + "年报告";
    }

    /** A report is never its own previous report, whatever the stored year says. */
    private static boolean sameText(Report a, Report b) {
        return Bigrams.normalise(a.getText()).equals(Bigrams.normalise(b.getText()));
    }
}
