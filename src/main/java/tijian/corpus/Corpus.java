package tijian.corpus;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.compare.Companions;
import tijian.report.Report;

/**
 * Every stored report as something a new report is compared with: the same unit's report of the year before, and
 * the passages of other units' reports. A check asks for its companions before its rules run, and tells the
 * corpus about itself when it is stored, in the same transaction.
 */
@ApplicationScoped
public class Corpus {

    @Inject
    PassageIndex passages;

    /** What a report about to be checked is compared with. */
    public Companions companionsFor(Report report) {
        // SEAM: continuity (previous report by unit and year) and originality (passage index) fill this in.
        return Companions.NONE.withCorpus(passages.corpus());
    }

    /** Called in the transaction that stores check {@code checkId} of {@code report}. */
    public void remember(UUID checkId, Report report) {
        // SEAM: originality indexes the report's passages here.
        passages.remember(checkId, report);
    }
}
