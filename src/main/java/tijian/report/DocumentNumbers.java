package tijian.report;

import java.util.List;

/** PLACEHOLDER until the parser lands. */
final class DocumentNumbers {
    private DocumentNumbers() {}

    static List<DocumentNumber> extract(String text) {
        return List.of();
    }
}
