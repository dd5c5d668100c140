package tijian.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tijian.rules.Grade;
import tijian.rules.Severity;
import tijian.rules.Status;

/**
 * A file of an audit with its check's figures (item verdicts by item id), the raw material of results, statistics,
 * exports and re-run diffs.
 */
record FileResult(long fileId, int seq, String path, FileState state, Long duplicateOf, String errorCode, String error,
                  UUID checkId, String unitKey, String unitAsWritten, Integer year, Double score, Grade grade,
                  String revision, Map<String, Status> statuses, Map<String, Severity> severities) {

    boolean checked() { return state == FileState.DONE && checkId != null; }

    int count(Status s) {
        return (int) statuses.values().stream().filter(s::equals).count();
    }

    List<String> mandatoryFailures() {
        List<String> ids = new ArrayList<>();
        statuses.forEach((item, status) -> {
            if (status == Status.FAIL && severities.get(item) == Severity.MANDATORY) {
                ids.add(item);
            }
        });
        return ids;
    }
}
