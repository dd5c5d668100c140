package tijian.compare;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Other units' reports, as far as finding copied passages needs them: sentences found by their band hashes
 * ({@link Shingles#bands}), and how many units share a band, which is how boilerplate is told from copying. The
 * service's corpus is the passage index in PostgreSQL; an example or a test holds its few reports in memory.
 * Units are keys ({@link IndexedReport#unitKey()}); a report never meets its own unit's reports here.
 */
public interface PassageCorpus {

    /** For each of these band hashes held anywhere, how many distinct units other than {@code unitKey} hold it. */
    Map<Long, Integer> unitsHolding(Collection<Long> bands, String unitKey);

    /**
     * The sentences of other units' reports that share one of these band hashes, leaving out {@code unitKey}'s reports
     * and any report whose text has {@code fingerprint} (the same report uploaded again).
     */
    List<Match> sentencesSharing(Collection<Long> bands, String unitKey, String fingerprint);

    /** Another report's text from {@code start} to {@code end}, to quote a passage of several sentences. */
    String quote(String checkId, int start, int end);

    /** A sentence of another report: which check, which unit (its key and its name to a reader), where, its text. */
    record Match(String checkId, String unitKey, String label, int start, int end, String text) {}

    PassageCorpus EMPTY = new PassageCorpus() {
        @Override public Map<Long, Integer> unitsHolding(Collection<Long> bands, String unitKey) { return Map.of(); }
        @Override public List<Match> sentencesSharing(Collection<Long> bands, String unitKey, String fingerprint) { return List.of(); }
        @Override public String quote(String checkId, int start, int end) { return ""; }
    };

    static PassageCorpus of(List<OtherReport> reports) {
        return reports.isEmpty() ? EMPTY : new InMemoryPassages(reports);
    }
}
