package tijian.compare;

import java.util.List;

/**
 * A fact for the rules, one per report: how much of the report's countable text (letters and digits of its
 * sentences, boilerplate left out) stands in the one other unit's report that holds most of it. {@code share} is 0
 * and {@code unit} null when nothing was found, including when there was nothing to compare with.
 */
public final class Similarity {
    private final double share;
    private final String unit;
    private final String checkId;
    private final List<Counterpart> passages;
    private final int countableChars;
    private final int boilerplateChars;

    public Similarity(double share, String unit, String checkId, List<Counterpart> passages, int countableChars,
                      int boilerplateChars) {
        this.share = share;
        this.unit = unit;
        this.checkId = checkId;
        this.passages = List.copyOf(passages);
        this.countableChars = countableChars;
        this.boilerplateChars = boilerplateChars;
    }

    /** 0 to 1. */
    public double getShare() { return share; }
    /** The share in per cent, rounded to a whole number, for messages. */
    public long getPercent() { return Math.round(share * 100); }
    /** The most similar other unit's name, null when none. */
    public String getUnit() { return unit; }
    public String getCheckId() { return checkId; }
    /** The passages found in that unit's report, each beside this report's span (evidence for the rules). */
    public List<Counterpart> getPassages() { return passages; }
    public int getCountableChars() { return countableChars; }
    public int getBoilerplateChars() { return boilerplateChars; }

    @Override public String toString() { return "Similarity[" + getPercent() + "% " + unit + "]"; }
}
