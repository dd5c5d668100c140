package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class Citations {
    private Citations() {}

    static List<Citation> extract(String text) {
        return List.of();
    }
}
