package tijian.compare;

import tijian.report.Report;

/** Another unit's report held in memory (an example's companion, a test's corpus); {@code checkId} names it. */
public record OtherReport(String checkId, String unitKey, Report report) {}
