package tijian.rules;

import java.util.List;
import java.util.Map;

/**
 * Turns statuses into a 0–100 score and a grade. The score is the weighted share of credit (PASS 1, WARN ½, FAIL 0)
 * over the applicable items. The grade comes from the score, and is then capped by mandatory failures, because a
 * report that lacks a part the regulation requires cannot be 优秀 however well it covers the rest:
 * one mandatory FAIL caps the grade at {@code grade.cap-with-mandatory-failure}; {@code grade.fail-at-mandatory-failures}
 * of them make it 不合格. All thresholds are settings in {@code rules/data/settings.csv}.
 */
public record Scoring(double excellentFrom, double goodFrom, double passFrom, Grade capWithMandatoryFailure,
                      int failAtMandatoryFailures) {

    static final List<String> SETTINGS = List.of("grade.excellent-from", "grade.good-from", "grade.pass-from",
            "grade.cap-with-mandatory-failure", "grade.fail-at-mandatory-failures");

    static Scoring fromSettings(Map<String, String> settings, List<Problem> problems) {
        for (String name : SETTINGS) {
            if (!settings.containsKey(name)) {
                problems.add(Problem.error(RuleData.SETTINGS, 0, 0, "missing setting \"" + name + "\" (scoring needs " + SETTINGS + ")"));
            }
        }
        try {
            return new Scoring(
                    Double.parseDouble(settings.getOrDefault("grade.excellent-from", "90")),
                    Double.parseDouble(settings.getOrDefault("grade.good-from", "75")),
                    Double.parseDouble(settings.getOrDefault("grade.pass-from", "60")),
                    Grade.ofLabel(settings.getOrDefault("grade.cap-with-mandatory-failure", "合格")),
                    Integer.parseInt(settings.getOrDefault("grade.fail-at-mandatory-failures", "3")));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(RuleData.SETTINGS, 0, 0, "a grade setting is not valid: " + e.getMessage()));
            return new Scoring(90, 75, 60, Grade.PASS, 3);
        }
    }

    double score(List<ChecklistItem> items) {
        double earned = 0;
        double possible = 0;
        for (ChecklistItem item : items) {
            if (item.status() != Status.NOT_APPLICABLE) {
                possible += item.weight();
                earned += item.weight() * item.status().credit();
            }
        }
        return possible == 0 ? 0 : Math.round(1000 * earned / possible) / 10.0;
    }

    /** The cap mandatory failures put on the grade, or null when the grade is what the score gives. */
    GradeCap cap(double score, List<ChecklistItem> items) {
        Grade grade = grade(score, items);
        Grade byScore = byScore(score);
        if (grade == byScore) {
            return null;
        }
        List<GradeCap.CapItem> failed = items.stream()
                .filter(i -> i.status() == Status.FAIL && i.severity() == Severity.MANDATORY)
                .map(i -> new GradeCap.CapItem(i.id(), i.title())).toList();
        String why = failed.size() >= failAtMandatoryFailures
                ? failed.size() + " 项必查项不通过，等级为" + grade.label()
                : failed.size() + " 项必查项不通过，等级封顶为" + grade.label();
        return new GradeCap(byScore, grade, failed.size(), failed, why);
    }

    private Grade byScore(double score) {
        return score >= excellentFrom ? Grade.EXCELLENT
                : score >= goodFrom ? Grade.GOOD
                : score >= passFrom ? Grade.PASS : Grade.FAIL;
    }

    Grade grade(double score, List<ChecklistItem> items) {
        long mandatoryFailures = items.stream()
                .filter(i -> i.status() == Status.FAIL && i.severity() == Severity.MANDATORY).count();
        Grade grade = score >= excellentFrom ? Grade.EXCELLENT
                : score >= goodFrom ? Grade.GOOD
                : score >= passFrom ? Grade.PASS : Grade.FAIL;
        if (mandatoryFailures >= failAtMandatoryFailures) {
            return Grade.FAIL;
        }
        return mandatoryFailures > 0 ? grade.atMost(capWithMandatoryFailure) : grade;
    }
}
