package tijian.rules;

import java.util.List;
import java.util.Map;

/**
 * The result of checking one report against one rule set: items failures first, score, grade, counts, and the
 * cap mandatory failures put on the grade (null when none).
 */
public record Checklist(String revision, double score, Grade grade, Map<Status, Integer> counts,
                        List<ChecklistItem> items, GradeCap gradeCap) {
    public Checklist(String revision, double score, Grade grade, Map<Status, Integer> counts, List<ChecklistItem> items) {
        this(revision, score, grade, counts, items, null);
    }
}
