package tijian.compare;

import java.util.ArrayList;
import java.util.List;

import tijian.report.Report;

/** The facts a report's comparison with its companions gives the rules (continuity, originality). */
public final class Comparisons {
    private Comparisons() {}

    public static List<Object> facts(Report report, Companions companions) {
        List<Object> facts = new ArrayList<>();
        // SEAM: continuity (previous year's targets and shortcomings) and originality (copied passages) add theirs.
        facts.addAll(CopiedPassages.facts(IndexedReport.of(report), companions.corpus()));
        return facts;
    }
}
