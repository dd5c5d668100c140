package tijian.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tijian.report.Report;
import tijian.report.Section;
import tijian.rules.ChecklistItem;
import tijian.rules.Grade;
import tijian.rules.GradeCap;
import tijian.rules.Status;

/**
 * The answer to a check, as the API returns and stores it. Offsets count characters of {@code report.text}.
 * {@code notices} says what the user should know before reading the items, e.g. that no report structure was found.
 * {@code gradeCap} says why the grade is below what the score gives (mandatory failures), null when it is not.
 */
public record CheckView(UUID id, Instant checkedAt, RuleSetRef ruleSet, Source source, ReportView report,
                        List<String> notices, double score, Grade grade, GradeCap gradeCap, Map<Status, Integer> counts,
                        List<ChecklistItem> items) {

    /** The revision of the rules folder and the profile of it the check used; both reproduce the result. */
    public record RuleSetRef(String revision, String profile) {}

    /** What was uploaded: file name (if any), the format it was read as, and the sha256 of the checked text. */
    public record Source(String fileName, String format, String sha256) {}

    /** {@code reporterKind}: 政府部门, 人民政府… (deadlines depend on it); null in checks stored before it was read. */
    public record ReportView(String title, String issuer, String unit, String reporterKind, Integer year, LocalDate publishedOn,
                             LocalDate signedOn, String text, List<Section> sections) {
        static ReportView of(Report r) {
            return new ReportView(r.getTitle(), r.getIssuer(), r.getUnit(), r.getReporterKind().getLabel(), r.getYear(),
                    r.getPublishedOn(), r.getSignedOn(), r.getText(), r.getSections());
        }
    }
}
