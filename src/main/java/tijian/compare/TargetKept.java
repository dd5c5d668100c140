package tijian.compare;

/**
 * One measurable target of last year's plan set beside what this year's report states about it.
 *
 * <p>{@code outcome} is what the figures say when the best candidate is taken at its word; {@code confidence} (0..1)
 * is how sure it is that the candidate states the same measure (its label and unit against the target's). A rule
 * calls a target met or missed only when it is sure enough; otherwise the target is reported as uncertain with the
 * candidate shown, never as missed. {@code evidence} is this year's candidate beside last year's target, or last
 * year's target alone when nothing in this report resembles it.
 */
public final class TargetKept {
    /** What the figures say: the result reaches the target, falls short of it, or no result states the measure. */
    public enum Outcome { MET, MISSED, NOT_REPORTED }

    private final String label;
    private final String target;
    private final String result;
    private final Outcome outcome;
    private final double confidence;
    private final Counterpart evidence;

    public TargetKept(String label, String target, String result, Outcome outcome, double confidence, Counterpart evidence) {
        this.label = label;
        this.target = target;
        this.result = result;
        this.outcome = outcome;
        this.confidence = confidence;
        this.evidence = evidence;
    }

    /** What last year's target measures: 矛盾纠纷化解率. */
    public String getLabel() { return label; }
    /** Last year's figure as written: 化解率保持在98%以上. */
    public String getTarget() { return target; }
    /** This year's candidate figure as written (化解率99.2%), or "" when there is none. */
    public String getResult() { return result; }
    public Outcome getOutcome() { return outcome; }
    /** How sure it is that the result measures what the target does: 0 for no candidate, 1 for the same label. */
    public double getConfidence() { return confidence; }
    public Counterpart getEvidence() { return evidence; }
    /** Whether this report has a candidate figure for the target at all. */
    public boolean hasResult() { return evidence.inThisReport(); }

    @Override public String toString() { return "TargetKept[" + target + " → " + result + " " + outcome + " " + confidence + "]"; }
}
