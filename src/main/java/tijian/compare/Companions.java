package tijian.compare;

import java.util.List;

/**
 * What a report is compared with besides itself: the same unit's report of the year before (null when none is
 * stored) and other units' reports, reached through a {@link PassageCorpus}. The rules never see this; they see the
 * facts {@link Comparisons} makes of it. {@code othersNamed}: whether the checklist may name the other units and
 * quote their text — only for whom may read every unit's checks (inspectors, audits); a unit's self-check learns
 * how much of its text stands in another unit's report, and where in its own, but not whose or what else it says.
 */
public record Companions(PreviousReport previous, PassageCorpus corpus, boolean othersNamed) {

    /** Nothing to compare with: the continuity items are not applicable and nothing is found copied. */
    public static final Companions NONE = new Companions(null, PassageCorpus.EMPTY, true);

    public Companions {
        corpus = corpus == null ? PassageCorpus.EMPTY : corpus;
    }

    public Companions withPrevious(PreviousReport report) { return new Companions(report, corpus, othersNamed); }

    public Companions withCorpus(PassageCorpus other, boolean named) { return new Companions(previous, other, named); }

    /** For callers that gather the other units' reports in memory (an example, a test). */
    public static Companions of(PreviousReport previous, List<OtherReport> others) {
        return new Companions(previous, PassageCorpus.of(others), true);
    }
}
