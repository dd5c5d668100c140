package tijian.compare;

/**
 * A sentence of this year's 不足 part that says (nearly) what a sentence of last year's 不足 part said.
 * {@code similarity} (0..1) is the character-bigram likeness of the two sentences after normalisation (1 for the
 * same words); the rule decides from which figure on it counts as repeated. {@code evidence} holds both passages.
 */
public final class RepeatedShortcoming {
    private final double similarity;
    private final Counterpart evidence;

    public RepeatedShortcoming(double similarity, Counterpart evidence) {
        this.similarity = similarity;
        this.evidence = evidence;
    }

    public double getSimilarity() { return similarity; }
    public Counterpart getEvidence() { return evidence; }
    public int getStart() { return evidence.getStart(); }

    @Override public String toString() { return "RepeatedShortcoming[" + similarity + " " + evidence + "]"; }
}
