package tijian.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tijian.rules.Grade;
import tijian.rules.Severity;
import tijian.rules.Status;

/** What the audit API answers. */
public final class AuditViews {
    private AuditViews() {}

    /** The answer to a submission (202). */
    public record Submitted(UUID id, String name, int total, int duplicates, AuditState status, String self) {}

    /**
     * An audit's progress. {@code done} counts files checked, {@code failed} files that could not be checked,
     * {@code duplicates} files identical to an earlier one of the audit; {@code progress} is the finished share.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audit(UUID id, String name, AuditState status, Instant createdAt, Instant finishedAt, double elapsedSeconds,
                        int total, int done, int failed, int duplicates, int pending, double progress, UUID rerunOf,
                        List<Failure> failures, List<Duplicate> duplicateFiles, Map<String, String> links) {}

    /** A file that could not be checked, with every claim of it: which instance, when, and how each ended. */
    public record Failure(long fileId, String file, String code, String reason, int attempts, List<Attempt> tries) {}

    /** One claim of an audit file by an instance; {@code outcome} is null while it runs. */
    public record Attempt(String instance, Instant startedAt, Instant finishedAt, String outcome) {}

    public record Duplicate(long fileId, String file, long duplicateOfId, String duplicateOf) {}

    /** One uploaded file and, when checked, its result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(Integer rank, long fileId, int seq, String file, FileState state, String unit, String unitAsWritten,
                      Integer year, Double score, Grade grade, Map<Status, Integer> counts, Integer failures,
                      List<String> mandatoryFailures, UUID checkId, String checklist, String duplicateOf,
                      String errorCode, String error) {}

    public record Results(UUID id, String name, AuditState status, String sort, String order, List<Row> rows, Summary summary) {}

    /** Over the checked reports of an audit (duplicates and failures left out). */
    public record Summary(int reports, Double meanScore, Double medianScore, Double minScore, Double maxScore,
                          Map<String, Integer> grades, List<Band> scoreBands, List<ItemStat> failingItems,
                          List<UnitRank> units) {}

    /** Reports whose score is in [from, to) (the top band includes 100). */
    public record Band(String range, double from, double to, int count) {}

    /** How often an item fails: count and share of the checked reports. */
    public record ItemStat(String item, String title, Severity severity, int fail, int warn, double failShare) {}

    /** Units ranked by their average score over the audit's reports (ties share a rank). */
    public record UnitRank(int rank, String unit, int reports, double score, List<Integer> years) {}

    /** What changed for one report between an audit and its re-run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String file, String unit, Integer year, FileState stateBefore, FileState stateAfter,
                         Double scoreBefore, Double scoreAfter, Double scoreDelta, Grade gradeBefore, Grade gradeAfter,
                         List<ItemChange> items, UUID checkBefore, UUID checkAfter) {}

    public record ItemChange(String item, Status before, Status after) {}

    public record Changes(UUID id, UUID rerunOf, String revisionBefore, String revisionAfter, int changedReports,
                          List<Change> reports) {}
}
