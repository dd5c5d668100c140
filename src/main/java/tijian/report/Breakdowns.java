package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class Breakdowns {
    private Breakdowns() {}

    static List<Breakdown> find(String text, List<Metric> metrics) {
        return List.of();
    }
}
