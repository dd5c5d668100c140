package tijian.rules;

import java.util.List;

/**
 * Why a grade is lower than its score: mandatory items failed. {@code scoreGrade} is what the score alone gives,
 * {@code grade} what the report gets; {@code explanation} says it in a sentence, e.g. "2 项必查项不通过，等级封顶为合格".
 */
public record GradeCap(Grade scoreGrade, Grade grade, int mandatoryFailures, List<CapItem> items, String explanation) {
    public record CapItem(String id, String title) {}
}
