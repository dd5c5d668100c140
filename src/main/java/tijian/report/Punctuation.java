package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class Punctuation {
    private Punctuation() {}

    static List<UnpairedMark> unpaired(String text) {
        return List.of();
    }
}
