package tijian.compare;

import java.util.List;

/**
 * What a report is compared with besides itself: the same unit's report of the year before (null when none is
 * stored) and other units' reports, reached through a {@link PassageCorpus}. The rules never see this; they see the
 * facts {@link Comparisons} makes of it.
 */
public record Companions(PreviousReport previous, PassageCorpus corpus) {

    /** Nothing to compare with: the continuity items are not applicable and nothing is found copied. */
    public static final Companions NONE = new Companions(null, PassageCorpus.EMPTY);

    public Companions {
        corpus = corpus == null ? PassageCorpus.EMPTY : corpus;
    }

    public Companions withPrevious(PreviousReport report) { return new Companions(report, corpus); }

    public Companions withCorpus(PassageCorpus other) { return new Companions(previous, other); }

    /** For callers that gather the other units' reports in memory (an example, a test). */
    public static Companions of(PreviousReport previous, List<OtherReport> others) {
        return new Companions(previous, PassageCorpus.of(others));
    }
}
