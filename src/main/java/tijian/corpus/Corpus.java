package tijian.corpus;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.compare.Companions;
import tijian.compare.IndexedReport;
import tijian.report.Report;
import tijian.report.ReportParser;
import tijian.security.Caller;

/**
 * Every stored report as something a new report is compared with: the same unit's report of the year before, and
 * the passages of other units' reports. A check asks for its companions before its rules run, and tells the
 * corpus about itself when it is stored, in the same transaction.
 */
@ApplicationScoped
public class Corpus {
    @Inject
    PreviousReports previousReports;

    @Inject
    PassageIndex passages;

    /**
     * What a report about to be checked is compared with, as far as {@code reader} may see other reports: last
     * year's report only among the checks the reader may read, and other units named and quoted only to whom reads
     * every unit's checks (see {@link Companions#othersNamed}). {@code parser} is the check's own (its rule set's
     * part wordings), so that last year's report is read the way this one is.
     */
    public Companions companionsFor(Report report, ReportParser parser, Caller reader) {
        return new Companions(previousReports.of(report, parser, reader), passages.corpus(), reader.readsEverything());
    }

    /** Called in the transaction that stores check {@code checkId} of {@code report}. */
    public void remember(UUID checkId, IndexedReport report) {
        passages.remember(checkId, report);
    }
}
