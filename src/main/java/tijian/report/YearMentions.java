package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class YearMentions {
    private YearMentions() {}

    static List<YearMention> extract(String text, List<Section> sections, Span titleSpan) {
        return List.of();
    }
}
