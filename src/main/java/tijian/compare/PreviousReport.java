package tijian.compare;

import tijian.report.Report;

/**
 * The same unit's stored report of the year before, parsed again with today's parser (so that its targets and
 * parts are read the way this year's are). {@code checkId} names the stored check its quotes come from.
 */
public record PreviousReport(String checkId, Report report) {}
