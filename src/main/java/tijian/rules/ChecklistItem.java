package tijian.rules;

import java.util.List;

/** One line of a checklist: an item with its verdict, why, where, how to fix it and which rule says so. */
public record ChecklistItem(String id, String title, String category, Severity severity, int weight, Status status,
                            String message, String advice, String basis, List<Evidence> evidence) {

    /** A stretch of the report text that supports the verdict; quote is exactly text[start, end). */
    public record Evidence(int start, int end, String quote) {}
}
