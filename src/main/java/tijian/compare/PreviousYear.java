package tijian.compare;

/**
 * That the same unit's report of the year before is there to compare with: the continuity items are applicable.
 * {@code label} names it to a reader (2024年报告), {@code checkId} the stored check, {@code targetCount} how many
 * measurable targets its plan set (none: there is nothing to keep).
 */
public final class PreviousYear {
    private final String checkId;
    private final String label;
    private final Integer year;
    private final int targetCount;

    public PreviousYear(String checkId, String label, Integer year, int targetCount) {
        this.checkId = checkId;
        this.label = label;
        this.year = year;
        this.targetCount = targetCount;
    }

    public String getCheckId() { return checkId; }
    public String getLabel() { return label; }
    /** The year that report is about, or null when it names none. */
    public Integer getYear() { return year; }
    public int getTargetCount() { return targetCount; }

    @Override public String toString() { return "PreviousYear[" + label + ", " + targetCount + " targets]"; }
}
