package tijian.rules;

import java.util.HashMap;
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

    static Scoring fromSettings(List<Setting> settings, List<Problem> problems) {
        Map<String, Setting> byName = new HashMap<>();
        settings.forEach(s -> byName.putIfAbsent(s.getName(), s));
        for (String name : SETTINGS) {
            if (!byName.containsKey(name)) {
                problems.add(Problem.error(RuleData.SETTINGS, 0, 0, "missing setting \"" + name + "\" (scoring needs " + SETTINGS + ")"));
            }
        }
        int before = problems.size();
        double excellentFrom = number(byName, "grade.excellent-from", 90, problems);
        double goodFrom = number(byName, "grade.good-from", 75, problems);
        double passFrom = number(byName, "grade.pass-from", 60, problems);
        double failAt = number(byName, "grade.fail-at-mandatory-failures", 3, problems);
        if (!Double.isNaN(failAt) && (failAt != Math.rint(failAt) || failAt < 1)) {
            Setting s = byName.get("grade.fail-at-mandatory-failures");
            problems.add(Problem.error(RuleData.SETTINGS, s == null ? 0 : s.getLine(), 0,
                    "setting \"grade.fail-at-mandatory-failures\" must be a whole number ≥ 1, not \"" + (s == null ? "" : s.getValue()) + "\""));
        }
        Grade cap = Grade.PASS;
        Setting capSetting = byName.get("grade.cap-with-mandatory-failure");
        if (capSetting != null) {
            try {
                cap = Grade.ofLabel(capSetting.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(RuleData.SETTINGS, capSetting.getLine(), 0,
                        "setting \"grade.cap-with-mandatory-failure\" is not a grade: " + e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return new Scoring(90, 75, 60, Grade.PASS, 3);
        }
        return new Scoring(excellentFrom, goodFrom, passFrom, cap, (int) failAt);
    }

    private static double number(Map<String, Setting> byName, String name, double absent, List<Problem> problems) {
        Setting s = byName.get(name);
        if (s == null) {
            return absent;
        }
        if (!s.isNumber()) {
            problems.add(Problem.error(RuleData.SETTINGS, s.getLine(), 0,
                    "setting \"" + name + "\" must be a number (scoring reads it as one), not \"" + s.getValue() + "\""));
            return Double.NaN;
        }
        return s.getNumber();
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
