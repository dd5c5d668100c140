package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class MetricExtractor {
    private MetricExtractor() {}

    static List<Metric> extract(String text, List<Section> sections, List<Span> sentences) {
        return List.of();
    }
}
