package tijian.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tijian.report.Part;
import tijian.report.Report;
import tijian.report.Section;
import tijian.report.Span;

/**
 * The sentences of this year's 不足 part that last year's 不足 part already had, the same or nearly: a shortcoming
 * written again word for word is one nothing was done about, or one copied from last year's report.
 *
 * <p>Each sentence of this year's part is set against every sentence of last year's (the parts are tens of sentences,
 * so pairwise is cheap) and keeps its likeliest match. Likeness is the mean of the bigram Jaccard index and the
 * containment of the shorter sentence in the longer, so a sentence copied with a clause added still scores high.
 * Only matches at {@link #FLOOR} or above become facts; the rule decides from its setting which count as repeated.
 */
public final class RepeatedShortcomings {
    private RepeatedShortcomings() {}

    /** Below this two sentences merely share the vocabulary every 不足 part uses (法治意识, 有待提升). */
    static final double FLOOR = 0.4;
    /** Shorter sentences (after normalisation) are headings or fragments, too short to call copied. */
    static final int MIN_CHARS = 8;

    private record Sentence(Span span, String text, Set<String> grams) {}

    public static List<RepeatedShortcoming> find(Report report, PreviousReport previous, String label) {
        List<Sentence> last = sentences(previous.report());
        List<RepeatedShortcoming> found = new ArrayList<>();
        if (last.isEmpty()) {
            return found;
        }
        for (Sentence now : sentences(report)) {
            Sentence best = null;
            double bestScore = 0;
            for (Sentence before : last) {
                double score = (Bigrams.jaccard(now.grams(), before.grams()) + Bigrams.containment(now.grams(), before.grams())) / 2;
                if (score > bestScore) {
                    bestScore = score;
                    best = before;
                }
            }
            if (best != null && bestScore >= FLOOR) {
                found.add(new RepeatedShortcoming(Math.round(bestScore * 100) / 100.0,
                        new Counterpart(now.span().getStart(), now.span().getEnd(), previous.checkId(), label, best.text())));
            }
        }
        return found;
    }

    /** The sentences of a report's 不足 part, its heading left out. */
    private static List<Sentence> sentences(Report report) {
        List<int[]> ranges = new ArrayList<>();
        for (Section s : report.getSections()) {
            if (s.getParts().contains(Part.SHORTCOMINGS)) {
                ranges.add(new int[] {s.getEnd(), s.getBodyEnd()});
            }
        }
        List<Sentence> out = new ArrayList<>();
        for (Span span : report.getSentences()) {
            boolean inside = false;
            for (int[] r : ranges) {
                if (span.getStart() >= r[0] && span.getEnd() <= r[1]) {
                    inside = true;
                    break;
                }
            }
            if (!inside) continue;
            String text = report.quote(span);
            String normalised = Bigrams.normalise(text);
            if (normalised.length() >= MIN_CHARS) {
                out.add(new Sentence(span, text, Bigrams.of(normalised)));
            }
        }
        return out;
    }
}
