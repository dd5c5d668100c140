package tijian.rules;

import java.util.List;

/** One line of a checklist: an item with its verdict, why, where, how to fix it and which rule says so. */
public record ChecklistItem(String id, String title, String category, Severity severity, int weight, Status status,
                            String message, String advice, String basis, List<Evidence> evidence) {

    /**
     * A stretch of the report text that supports the verdict; quote is exactly text[start, end). An evidence that
     * compares sets another report's passage beside it ({@code elsewhere}); when this report has no passage to show
     * (a target of last year's never mentioned this year), start and end are -1 and quote is empty.
     */
    public record Evidence(int start, int end, String quote, Elsewhere elsewhere) {
        public Evidence(int start, int end, String quote) {
            this(start, end, quote, null);
        }

        /** Whether the evidence points into this report's text. */
        public boolean inText() { return start >= 0; }
    }

    /** Another report's passage: the stored check it comes from, which report that is to a reader, the quote. */
    public record Elsewhere(String checkId, String label, String quote) {
        /** How a text output names it: 2025年报告：“化解率保持在98%以上”. */
        public String cited() {
            return (label == null || label.isBlank() ? "其他报告" : label) + "：“" + (quote == null ? "" : quote) + "”";
        }
    }
}
